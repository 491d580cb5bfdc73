package org.pssr.app;

import java.io.IOException;
import java.nio.file.Path;

import org.pssr.crappify.Movie;

/**
 * Opens a movie file; what the jobs need of an image library. The front ends hand in ImageJ's
 * ({@code org.pssr.imagej.MovieFiles}), so the jobs themselves know no ImageJ.
 */
@FunctionalInterface
public interface MovieOpener {

	/**
	 * @param channel 1-based channel to use
	 * @throws java.nio.file.NoSuchFileException when the file is missing
	 * @throws IllegalArgumentException when the file cannot be read as a movie
	 */
	Movie open(Path file, int channel) throws IOException;
}
