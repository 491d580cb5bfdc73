package org.pssr.fiji;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;

import org.pssr.app.FrameRange;
import org.pssr.app.MovieParts;
import org.pssr.app.OpenModel;
import org.pssr.app.SuperresJob;
import org.pssr.app.SuperresSettings;
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
 * into a new window and, when asked, a TIFF file. With a frame range, only those frames: in a window,
 * or, with an output file, as a part of it for Join Super-Resolved Parts (as {@code pssr superres
 * --frames}). Macro: {@code run("Super-Resolve Movie", "modelfile=[/m.pssr.zip] inputfile=[/in.tif]
 * outputfile=[/out.tif] frames=[] bits=32 uncertainty=0");}
 */
@Plugin(type = Command.class, menuPath = "Plugins>PSSR>Super-Resolve Movie",
	label = "Super-Resolve Movie", headless = true)
public final class SuperResolveMovieCommand extends InferenceCommand {

	@Parameter(label = "Also save as (optional .tif)", required = false,
		style = FileWidget.SAVE_STYLE, persist = false,
		description = "Write the result to this TIFF file frame by frame as it is computed (for " +
			"long movies); the window then shows the file. Empty: the result is only shown.")
	File outputfile;

	@Advanced
	@Parameter(label = "Output pixel type", initializer = "listBits",
		description = "32: 32-bit floating point, exact. 16: 16-bit integers, rounded and clipped " +
			"to 0-65535; half the size.")
	String bits = String.valueOf(SuperresSettings.DEFAULTS.bits());

	@Advanced
	@Parameter(label = "Frames FIRST:LAST (empty = all)", required = false, persist = false,
		description = "Only these frames (counted from 1), e.g. 1:100. With an output file, they are " +
			"a part of it, to be joined by Join Super-Resolved Parts (for cluster array tasks).")
	String frames = "";

	@Parameter(label = "Uncertainty map: re-noised draws (0 = none)", min = "0", required = false,
		description = "Add a second channel (Fire LUT): how much each output pixel changes over this " +
			"many re-noisings of the input with the model's noise model; bright = depends on the " +
			"noise, do not trust. Each draw costs one more super-resolution. 0: none.")
	int uncertainty = SuperresSettings.DEFAULTS.uncertainty();

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

	/** The output's sample formats the job writes. */
	void listBits() {
		choices("bits", SuperresSettings.BITS);
	}

	@Override
	void execute() throws IOException {
		try (OpenModel model = openModel()) {
			result = superResolve(model);
			Commands.showToMacro(result, threads);
		}
	}

	ImagePlus superResolve(final OpenModel model) throws IOException {
		final Movie movie = movie();
		final SuperresJob job = new SuperresJob(model, SuperresSettings.builder().tile(tile).bits(Integer
			.parseInt(bits)).uncertainty(uncertainty).build());
		final FrameRange range = frames == null || frames.trim().isEmpty() ? new FrameRange(1, Math.max(
			1, movie.frames())) : FrameRange.parse(frames);
		final String title = Commands.title(image, inputfile) + "_pssr";
		IJ.log("PSSR: " + title + " with " + modelfile.getName() + " (" + job.describe() + ")");
		if (!Commands.given(outputfile)) {
			final ImageStackWriter[] window = new ImageStackWriter[1];
			job.write(movie, range, (w, h, c, n, format, calibration) -> window[0] = new ImageStackWriter(
				title, w, h, c, n, format, calibration), ImageJLogger.INSTANCE);
			final ImagePlus image = window[0].image();
			image.setProperty("Info", job.provenance(source()).text());
			return image;
		}
		if (frames != null && !frames.trim().isEmpty()) return part(job, movie, range);
		job.toFile(movie, source(), outputfile.toPath(), Commands.rule(overwrite), ImageJLogger.INSTANCE);
		IJ.log("PSSR: wrote " + outputfile);
		final ImagePlus written = IJ.openVirtual(outputfile.getPath());
		written.setTitle(title);
		return written;
	}

	/** The range as a part of the output file, recorded with the model and movie files it came from. */
	private ImagePlus part(final SuperresJob job, final Movie movie, final FrameRange range)
		throws IOException
	{
		final Path input = source();
		if (input == null) throw new IllegalArgumentException("frames=[" + frames + "] with an output " +
			"file makes a part of it, which records the movie's file, and the open image has none: " +
			"give inputfile=[...]");
		job.toPart(movie, modelfile.toPath(), input, channel, range, outputfile.toPath(), Commands.rule(
			overwrite), ImageJLogger.INSTANCE);
		final File part = new MovieParts(outputfile.toPath()).tiff(range).toFile();
		IJ.log("PSSR: frames " + range + " of " + outputfile + " are in " + part);
		final ImagePlus written = IJ.openVirtual(part.getPath());
		written.setTitle(Commands.title(image, inputfile) + "_pssr_" + range);
		return written;
	}
}
