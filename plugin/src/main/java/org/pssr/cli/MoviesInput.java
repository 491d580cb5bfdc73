package org.pssr.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code --input} of the commands that super-resolve a movie or every movie in a folder. */
final class MoviesInput {

	@Option(names = "--input", required = true, paramLabel = "MOVIE|DIR",
		description = "Movie (TIFF, CZI) or folder of movies.")
	Path path;

	/** The movie or folder; one that is not there is refused. */
	Path existing() {
		if (!Files.exists(path)) throw new UserException("no such movie or folder: " + path);
		return path;
	}
}
