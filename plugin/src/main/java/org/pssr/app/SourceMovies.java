package org.pssr.app;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.pssr.crappify.Movie;
import org.pssr.crappify.SourceMovie;

/**
 * Turns what the user named (movie files, folders of them) into the crappifier's source movies,
 * enforcing the Z-as-time choice: a Z-stack is used as the sequence only when the user said so.
 */
public final class SourceMovies {

	private SourceMovies() {}

	/** Files as given, folders expanded to the TIFF and CZI files they hold (sorted by name). */
	public static List<Path> expand(final List<Path> inputs) throws IOException {
		final List<Path> files = new ArrayList<>();
		for (final Path input : inputs) {
			if (Files.isDirectory(input)) {
				try (Stream<Path> list = Files.list(input)) {
					final List<Path> movies = list.filter(SourceMovies::isMovieFile).sorted().collect(
						Collectors.toList());
					if (movies.isEmpty()) throw new IllegalArgumentException("folder " + input +
						" holds no .tif, .tiff or .czi file");
					files.addAll(movies);
				}
			}
			else if (!Files.exists(input)) throw new NoSuchFileException(input.toString());
			else files.add(input);
		}
		if (files.isEmpty()) throw new IllegalArgumentException("no input movie");
		return files;
	}

	/** Paths separated by ';', as Fiji's text fields and macros give several. */
	public static List<Path> split(final String paths) {
		final List<Path> list = new ArrayList<>();
		for (final String p : paths.split(";")) {
			if (!p.trim().isEmpty()) list.add(Path.of(p.trim()));
		}
		return list;
	}

	private static boolean isMovieFile(final Path p) {
		final String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
		return Files.isRegularFile(p) && (n.endsWith(".tif") || n.endsWith(".tiff") || n.endsWith(
			".czi"));
	}

	/** Opens each file's channel and computes its normalisation. */
	public static List<SourceMovie> open(final List<Path> files, final int channel,
		final boolean zAsTime, final MovieOpener opener) throws IOException
	{
		final List<SourceMovie> sources = new ArrayList<>();
		for (final Path file : files) {
			final String name = file.getFileName().toString();
			final Movie movie = opener.open(file, channel);
			try {
				sources.add(of(name, file.toAbsolutePath(), movie, zAsTime));
			}
			catch (final RuntimeException e) {
				// a CZI movie holds its file open
				if (movie instanceof Closeable) ((Closeable) movie).close();
				throw e;
			}
		}
		return sources;
	}

	/**
	 * A source movie, refused when it is a Z-stack and the user did not ask for its slices as time.
	 *
	 * @param file the movie's file, recorded and hashed; may be null for one that has none
	 */
	public static SourceMovie of(final String name, final Path file, final Movie movie,
		final boolean zAsTime)
	{
		if (movie.slicesAsTime() && !zAsTime) {
			throw new IllegalArgumentException(name + " is a Z-stack (" + movie.frames() +
				" slices, 1 frame); use the slices as the sequence with --z-as-time (Fiji: 'zastime')" +
				" or save it as a time series");
		}
		return SourceMovie.of(name, file, movie);
	}
}
