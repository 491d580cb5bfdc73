package org.pssr.fiji;

import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.ImageCanvas;
import ij.gui.ImageWindow;
import ij.gui.Overlay;
import ij.gui.TextRoi;
import ij.macro.Interpreter;

import org.pssr.app.OutputRule;
import org.pssr.crappify.Movie;
import org.pssr.imagej.ImagePlusMovie;
import org.pssr.imagej.MovieFiles;
import org.scijava.Cancelable;
import org.scijava.thread.ThreadService;

/** What the PSSR commands share: picking the input movie, progress, and failing politely. */
final class Commands {

	private Commands() {}

	/** The movie file when one is given, else the open image; says so when slices are taken as time. */
	static Movie movie(final ImagePlus image, final File file, final int channel)
		throws IOException
	{
		final Movie movie;
		if (given(file)) movie = MovieFiles.IMAGEJ.open(file.toPath(), channel);
		else if (image != null) movie = ImagePlusMovie.wrap(image, channel);
		else throw new IllegalArgumentException("no movie: open one or give inputfile=[...]");
		if (movie.slicesAsTime()) IJ.log(
			"PSSR: " + title(image, file) + " has slices but no frames; the " + movie.frames() +
				" slices are taken as time points");
		return movie;
	}

	/** The file of the input, which no output may replace; null for an image never saved. */
	static Path source(final ImagePlus image, final File file) {
		if (given(file)) return file.toPath();
		return image == null ? null : ImagePlusMovie.file(image).orElse(null);
	}

	/**
	 * The output rule with the user's {@code overwrite} choice; an earlier output in the way is
	 * otherwise confirmed in a dialog ({@link PssrCommand}).
	 */
	static OutputRule rule(final boolean overwrite) {
		return new OutputRule(overwrite, "tick 'Replace an earlier output' (in a macro: add overwrite)",
			MovieFiles::info);
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

	/**
	 * Headless, a command's output image would stay out of the calling macro's reach (ImageJ keeps a
	 * current image per thread, and SciJava runs commands in threads of their own): in a macro, make
	 * it the current image of the thread that ran the command. With a display, Fiji shows outputs in
	 * windows itself.
	 *
	 * @param threads null for a command made without SciJava, which runs in its caller's thread
	 */
	static void showToMacro(final ImagePlus image, final ThreadService threads) {
		if (!GraphicsEnvironment.isHeadless() || !IJ.isMacro()) return;
		image.show();
		final Thread caller = threads == null ? null : threads.getParent(Thread.currentThread());
		if (caller != null) WindowManager.setTempCurrentImage(caller, image);
	}

	/** Shows {@code image} in a window zoomed in until it is at least {@code height} pixels tall. */
	static void showAtLeast(final ImagePlus image, final int height) {
		image.show();
		final ImageWindow window = image.getWindow();
		if (window == null) return;
		final ImageCanvas canvas = window.getCanvas();
		while (canvas.getMagnification() * image.getHeight() < height && canvas
			.getMagnification() < 32)
		{
			canvas.zoomIn(0, 0);
		}
	}

	/**
	 * Names the panels of a side-by-side montage in its overlay: a preview that explains itself. Not
	 * for an image shown while a command with an image parameter runs: the legacy layer then
	 * replaces the overlay when the command ends.
	 */
	static void labelPanels(final ImagePlus montage, final String... names) {
		final int width = montage.getWidth() / names.length;
		final Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(4, montage.getHeight() / 8));
		final Overlay overlay = new Overlay();
		for (int i = 0; i < names.length; i++) {
			final TextRoi label = new TextRoi(i * width + 1, 0, names[i], font);
			label.setStrokeColor(Color.YELLOW);
			label.setAntiAlias(true);
			overlay.add(label);
		}
		montage.setOverlay(overlay);
	}

	/**
	 * The one way a PSSR command fails: it is cancelled with the reason, and the reason is said once,
	 * where the user looks. A running macro stops there with the reason as its error (a cancelled
	 * SciJava command alone would let the macro go on; ImageJ shows macro errors in a dialog, or
	 * prints them headless); without a macro, Fiji shows it in a dialog, or headless in the log.
	 */
	static void fail(final Cancelable command, final Exception e) {
		final String message = "PSSR: " + (e.getMessage() == null ? e.toString() : e.getMessage());
		IJ.showProgress(1.0);
		IJ.showStatus("");
		command.cancel(message);
		if (stopMacro(message)) return;
		if (GraphicsEnvironment.isHeadless()) IJ.log(message);
		else IJ.error("PSSR", message);
	}

	/**
	 * Stops the running macro with {@code message} as its error.
	 *
	 * @return false when no macro is running
	 */
	static boolean stopMacro(final String message) {
		final Interpreter macro = Interpreter.getInstance();
		if (macro == null) return false;
		try {
			macro.abort(message);
		}
		catch (final RuntimeException stopped) {
			// the interpreter signals the stop by throwing into this thread; the macro ends when
			// the command returns
		}
		return true;
	}

	/** Whether a class is one of the PSSR commands (or their helpers) of this package. */
	static boolean isPssr(final String className) {
		return className != null && className.startsWith(Commands.class.getPackage().getName() + ".");
	}
}
