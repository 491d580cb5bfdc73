package org.pssr.fiji;

import java.io.File;
import java.io.IOException;

import ij.IJ;
import ij.ImagePlus;

import org.pssr.crappify.Movie;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.thread.ThreadService;
import org.scijava.widget.FileWidget;

/**
 * Plugins > PSSR > Super-Resolve Movie: the open image or a movie file through a trained model,
 * into a new window and, when asked, a TIFF file. Macro: {@code run("Super-Resolve Movie",
 * "modelfile=[/m.pssr.zip] inputfile=[/in.tif] outputfile=[/out.tif] bits=32");}
 */
@Plugin(type = Command.class, menuPath = "Plugins>PSSR>Super-Resolve Movie",
	label = "Super-Resolve Movie", headless = true)
public final class SuperResolveMovieCommand extends ContextCommand {

	@Parameter(label = "Movie (open image)", required = false, persist = false)
	ImagePlus image;

	@Parameter(label = "Movie file (instead of the open image)", required = false,
		style = FileWidget.OPEN_STYLE, persist = false)
	File inputfile;

	@Parameter(label = "Model (.pssr.zip, bioimage.io .zip or SavedModel folder)",
		style = FileWidget.OPEN_STYLE, persist = false)
	File modelfile;

	@Parameter(label = "Output file (optional .tif)", required = false, style = FileWidget.SAVE_STYLE,
		persist = false)
	File outputfile;

	@Parameter(label = "Tile size in LR pixels (0 = automatic)", min = "0")
	int tile;

	@Parameter(label = "Device", choices = { "auto", "cpu", "gpu" })
	String device = "auto";

	@Parameter(label = "Output bits", choices = { "32", "16" })
	String bits = "32";

	@Parameter(label = "Channel", min = "1")
	int channel = 1;

	@Parameter
	private ThreadService threads;

	/** Fiji shows it in a new window; headless, it becomes the macro's current image. */
	@Parameter(type = ItemIO.OUTPUT)
	ImagePlus result;

	@Override
	public void run() {
		try (OpenModel model = ModelFiles.open(modelfile.toPath(), device)) {
			result = superResolve(model);
			Commands.showToMacro(result, threads);
		}
		catch (final IllegalArgumentException | IOException e) {
			Commands.fail(this, e);
		}
	}

	ImagePlus superResolve(final OpenModel model) throws IOException {
		final Movie movie = Commands.movie(image, inputfile, channel);
		final MovieSuperResolution job = new MovieSuperResolution(model, tile, Integer.parseInt(bits));
		final String title = Commands.title(image, inputfile) + "_pssr";
		IJ.log("PSSR: " + title + " with " + modelfile.getName() + " (" + job.describe() + ")");
		if (!Commands.given(outputfile)) return job.toImage(movie, title,
			Commands.progress());
		job.toFile(movie, outputfile.toPath(), Commands.progress());
		IJ.log("PSSR: wrote " + outputfile);
		final ImagePlus written = IJ.openVirtual(outputfile.getPath());
		written.setTitle(title);
		return written;
	}

}
