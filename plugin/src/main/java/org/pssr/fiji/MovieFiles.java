package org.pssr.fiji;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

import ij.IJ;
import ij.ImagePlus;

import org.pssr.crappify.Movie;

/**
 * Opens a movie file for every command that takes one. TIFF stacks open as ImageJ virtual stacks,
 * so frames are read from disk only when asked for.
 */
public final class MovieFiles {

	private MovieFiles() {}

	/**
	 * @param channel 1-based channel to use
	 * @throws NoSuchFileException when the file is missing
	 * @throws IllegalArgumentException when the file cannot be read as a movie
	 */
	public static Movie open(final Path file, final int channel)
		throws NoSuchFileException
	{
		if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString());
		final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		final ImagePlus imp = name.endsWith(".tif") || name.endsWith(".tiff") ? IJ.openVirtual(file
			.toString()) : IJ.openImage(file.toString());
		if (imp == null) {
			throw new IllegalArgumentException(file + " could not be opened as an image (supported: " +
				"TIFF and what ImageJ opens; CZI with the built-in reader)");
		}
		return ImagePlusMovie.wrap(imp, channel);
	}
}
