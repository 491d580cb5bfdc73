package org.pssr.fiji;

import java.io.File;
import java.io.IOException;

import ij.IJ;
import ij.ImagePlus;

import org.pssr.crappify.Movie;
import org.pssr.train.infer.ProgressListener;
import org.scijava.command.ContextCommand;

/** What the PSSR commands share: picking the input movie, progress, and failing politely. */
final class Commands {

	private Commands() {}

	/** The movie file when one is given, else the open image; says so when slices are taken as time. */
	static Movie movie(final ImagePlus image, final File file, final int channel)
		throws IOException
	{
		final Movie movie;
		if (given(file)) movie = MovieFiles.open(file.toPath(), channel);
		else if (image != null) movie = ImagePlusMovie.wrap(image, channel);
		else throw new IllegalArgumentException("no movie: open one or give inputfile=[...]");
		if (movie instanceof ImagePlusMovie && ((ImagePlusMovie) movie).slicesAsTime()) IJ.log(
			"PSSR: " + title(image, file) + " has slices but no frames; the " + movie.frames() +
				" slices are taken as time points");
		return movie;
	}

	/** An optional file parameter that was filled in. */
	static boolean given(final File file) {
		return file != null && !file.getPath().isEmpty();
	}

	/** Name of the input without its extension. */
	static String title(final ImagePlus image, final File file) {
		final String title = given(file) ? file.getName() : image.getTitle();
		final int dot = title.lastIndexOf('.');
		return dot > 0 ? title.substring(0, dot) : title;
	}

	static ProgressListener progress() {
		return (done, total) -> {
			IJ.showProgress(done, total);
			IJ.showStatus("PSSR: frame " + done + "/" + total);
		};
	}

	/** Cancels the command with the message, which Fiji shows in a dialog or, headless, in the log. */
	static void fail(final ContextCommand command, final Exception e) {
		final String message = e.getMessage() == null ? e.toString() : e.getMessage();
		IJ.log("PSSR: " + message);
		IJ.showProgress(1.0);
		command.cancel(message);
	}
}
