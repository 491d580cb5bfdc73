package org.pssr.fiji;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import ij.ImagePlus;

import org.pssr.app.ModelFiles;
import org.pssr.app.OpenModel;
import org.pssr.app.SuperresSettings;
import org.pssr.crappify.Movie;
import org.scijava.plugin.Parameter;
import org.scijava.widget.FileWidget;

/**
 * The parameters of every command that runs a model over a movie (Super-Resolve Movie, Evaluate
 * Model), as the CLI's superres and evaluate share one mixin: same names, same defaults.
 */
abstract class InferenceCommand extends AdvancedCommand {

	@Parameter(label = "Movie (open image)", required = false, persist = false,
		description = "The movie to use, when no file is given below.")
	ImagePlus image;

	@Parameter(label = "Movie file (empty: the open image)", required = false, style = FileWidget.OPEN_STYLE,
		persist = false,
		description = "A movie file (TIFF, CZI) to use instead of the open image. It is read frame " +
			"by frame, so long movies need little memory.")
	File inputfile;

	@Parameter(label = "Model", style = FileWidget.OPEN_STYLE, persist = false,
		description = "A model made by Train Model (.pssr.zip), a bioimage.io package (.zip) or a " +
			"TensorFlow SavedModel folder.")
	File modelfile;

	@Advanced
	@Parameter(label = "Tile size (0 = automatic)", min = "0",
		description = "Frames are processed in overlapping tiles of this many input pixels a side. " +
			"0 picks the size from the memory of the device (and halves it if memory runs out).")
	int tile = SuperresSettings.DEFAULTS.tile();

	@Advanced
	@Parameter(label = "Run on", initializer = "listDevices",
		description = Descriptions.DEVICE)
	String device = "auto";

	@Advanced
	@Parameter(label = "Channel", min = "1", description = Descriptions.CHANNEL)
	int channel = 1;

	InferenceCommand(final String about, final String section) {
		super(about, section);
	}

	OpenModel openModel() throws IOException {
		return ModelFiles.open(modelfile.toPath(), device);
	}

	/** The file of the input, which no output may replace; null for an image never saved. */
	Path source() {
		return Commands.source(image, inputfile);
	}

	/** The input file when one is given, else the open image. */
	Movie movie() throws IOException {
		return Commands.movie(image, inputfile, channel);
	}
}
