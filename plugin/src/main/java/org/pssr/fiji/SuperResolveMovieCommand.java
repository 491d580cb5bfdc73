package org.pssr.fiji;

import java.io.File;
import java.io.IOException;

import ij.IJ;
import ij.ImagePlus;

import org.pssr.app.OpenModel;
import org.pssr.app.SuperresJob;
import org.pssr.crappify.Movie;
import org.pssr.imagej.ImageJLogger;
import org.pssr.imagej.ImageStackWriter;
import org.scijava.ItemIO;
import org.scijava.command.Command;
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
public final class SuperResolveMovieCommand extends InferenceCommand {

	@Parameter(label = "Also save as (optional .tif)", required = false,
		style = FileWidget.SAVE_STYLE, persist = false,
		description = "Write the result to this TIFF file frame by frame as it is computed (for " +
			"long movies); the window then shows the file. Empty: the result is only shown.")
	File outputfile;

	@Parameter(label = "Output pixel type", choices = { "32", "16" },
		description = "32: 32-bit floating point, exact. 16: 16-bit integers, rounded and clipped " +
			"to 0-65535; half the size.")
	String bits = "32";

	@Parameter
	private ThreadService threads;

	/** Fiji shows it in a new window; headless, it becomes the macro's current image. */
	@Parameter(type = ItemIO.OUTPUT)
	ImagePlus result;

	public SuperResolveMovieCommand() {
		super("<b>Super-resolve a movie</b> with a trained model: each frame goes through the " +
			"model together with its neighbours, and the result opens in a new window, its pixel " +
			"size divided by the model's scale factor.", "super-resolve-movie");
	}

	@Override
	public void run() {
		try (OpenModel model = openModel()) {
			result = superResolve(model);
			Commands.showToMacro(result, threads);
		}
		catch (final IllegalArgumentException | IOException e) {
			Commands.fail(this, e);
		}
	}

	ImagePlus superResolve(final OpenModel model) throws IOException {
		final Movie movie = movie();
		final SuperresJob job = new SuperresJob(model, tile, Integer.parseInt(bits));
		final String title = Commands.title(image, inputfile) + "_pssr";
		IJ.log("PSSR: " + title + " with " + modelfile.getName() + " (" + job.describe() + ")");
		if (!Commands.given(outputfile)) {
			final ImageStackWriter[] window = new ImageStackWriter[1];
			job.write(movie, (w, h, frames, format, calibration) -> window[0] = new ImageStackWriter(
				title, w, h, frames, format, calibration), ImageJLogger.INSTANCE);
			return window[0].image();
		}
		job.toFile(movie, outputfile.toPath(), ImageJLogger.INSTANCE);
		IJ.log("PSSR: wrote " + outputfile);
		final ImagePlus written = IJ.openVirtual(outputfile.getPath());
		written.setTitle(title);
		return written;
	}

}
