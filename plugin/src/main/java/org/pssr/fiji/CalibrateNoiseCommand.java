package org.pssr.fiji;

import java.io.File;
import java.io.IOException;

import ij.IJ;
import ij.ImagePlus;

import org.pssr.app.CalibrateJob;
import org.pssr.app.FrameRange;
import org.pssr.app.SourceMovies;
import org.pssr.crappify.NoiseCalibration;
import org.pssr.imagej.ImageJLogger;
import org.pssr.imagej.MovieFiles;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Plugins > PSSR > Calibrate Noise: the camera noise of a real low-resolution movie as a recipe
 * file for Generate Twin Training Data and Train Model (recipe = the file), as
 * {@code pssr calibrate}. Macro: {@code run("Calibrate Noise", "inputfile=[/lr.tif]
 * outputfile=[/lr.recipe.json] frames=[] channel=1");}
 */
@Plugin(type = Command.class, menuPath = "Plugins>PSSR>Calibrate Noise", label = "Calibrate Noise",
	headless = true)
public final class CalibrateNoiseCommand extends AdvancedCommand {

	@Parameter(label = "Movie (open image)", required = false, persist = false,
		description = "The low-resolution movie to measure, when no file is given below.")
	ImagePlus image;

	@Parameter(label = "Movie file (empty: the open image)", required = false,
		style = FileWidget.OPEN_STYLE, persist = false,
		description = "A raw low-resolution acquisition (TIFF, CZI), not denoised or " +
			"background-subtracted; the sample may move.")
	File inputfile;

	@Parameter(label = "Recipe file (.json)", style = FileWidget.SAVE_STYLE, persist = false,
		description = "Where the recipe goes; give it as the recipe of Generate Twin Training Data " +
			"or Train Model.")
	File outputfile;

	@Advanced
	@Parameter(label = "Frames FIRST:LAST (empty = all)", required = false, persist = false,
		description = "Only these frames (counted from 1).")
	String frames = "";

	@Advanced
	@Parameter(label = "Channel", min = "1", description = Descriptions.CHANNEL)
	int channel = 1;

	@Parameter(label = "HR movies to measure the blur against (';'-separated, optional)",
		required = false, persist = false,
		description = "High-resolution movies of the same kind of sample (those you train with): " +
			"also measure how blurred the acquisition is against them, and put that blur into the " +
			"recipe. Empty: the recipe has no blur.")
	String hr = "";

	@Parameter(label = "Scale (HR movies to this movie)", initializer = "listScales",
		description = "With HR movies: the downsampling factor between them and the acquisition.")
	String scale = "4";

	@Parameter(type = ItemIO.OUTPUT)
	String report;

	public CalibrateNoiseCommand() {
		super("<b>Measure your camera's noise</b> on a real low-resolution movie (gain, offset, read " +
			"noise) and keep it as a recipe file, so training data are degraded like your own " +
			"acquisitions.", "calibrate-noise");
	}

	@Override
	void execute() throws IOException {
		final FrameRange range = frames == null || frames.trim().isEmpty() ? null : FrameRange.parse(
			frames.trim());
		final NoiseCalibration c = new CalibrateJob().withBlurAgainst(SourceMovies.split(hr == null ? ""
			: hr), Integer.parseInt(scale), channel, MovieFiles.IMAGEJ).run(Commands.movie(image,
				inputfile, channel), range, Commands.source(image, inputfile), outputfile.toPath(),
			Commands.rule(overwrite), ImageJLogger.INSTANCE);
		report = "wrote " + outputfile + ": " + c;
		IJ.log("PSSR: " + report);
	}
}
