package org.pssr.fiji;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import ij.ImagePlus;

import org.pssr.app.ModelFiles;
import org.pssr.app.OpenModel;
import org.pssr.crappify.Movie;
import org.pssr.imagej.ImagePlusMovie;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.widget.FileWidget;

/**
 * The parameters of every command that runs a model over a movie (Super-Resolve Movie, Evaluate
 * Model), as the CLI's superres and evaluate share one mixin: same names, same defaults.
 */
abstract class InferenceCommand extends ContextCommand {

	@Parameter(label = "Input movie (open image)", required = false, persist = false)
	ImagePlus image;

	@Parameter(label = "Input movie file (instead of the open image)", required = false,
		style = FileWidget.OPEN_STYLE, persist = false)
	File inputfile;

	@Parameter(label = "Model (.pssr.zip, bioimage.io .zip or SavedModel folder)",
		style = FileWidget.OPEN_STYLE, persist = false)
	File modelfile;

	@Parameter(label = "Tile size in LR pixels (0 = automatic)", min = "0")
	int tile;

	@Parameter(label = "Device", choices = { "auto", "cpu", "gpu" })
	String device = "auto";

	@Parameter(label = "Channel", min = "1")
	int channel = 1;

	OpenModel openModel() throws IOException {
		return ModelFiles.open(modelfile.toPath(), device);
	}

	/** The file of the input, which no output may replace; null for an image never saved. */
	Path source() {
		if (Commands.given(inputfile)) return inputfile.toPath();
		return image == null ? null : ImagePlusMovie.file(image).orElse(null);
	}

	/** The input file when one is given, else the open image. */
	Movie movie() throws IOException {
		return Commands.movie(image, inputfile, channel);
	}
}
