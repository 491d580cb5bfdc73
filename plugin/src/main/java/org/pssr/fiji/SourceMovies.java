package org.pssr.fiji;

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

import ij.ImagePlus;

import org.pssr.crappify.Movie;
import org.pssr.crappify.SourceMovie;

/**
 * Turns what the user named (movie files, folders of them, an open image) into the crappifier's
 * source movies, enforcing the Z-as-time choice: a Z-stack is used as the sequence only when the
 * user said so.
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

	private static boolean isMovieFile(final Path p) {
		final String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
		return Files.isRegularFile(p) && (n.endsWith(".tif") || n.endsWith(".tiff") || n.endsWith(
			".czi"));
	}

	/** Opens each file's channel and computes its normalisation. */
	public static List<SourceMovie> open(final List<Path> files, final int channel,
		final boolean zAsTime) throws IOException
	{
		final List<SourceMovie> sources = new ArrayList<>();
		for (final Path file : files) {
			final String name = file.getFileName().toString();
			final Movie movie = MovieFiles.open(file, channel);
			try {
				checkZ(name, movie, zAsTime);
				sources.add(SourceMovie.of(name, file.toAbsolutePath(), movie));
			}
			catch (final RuntimeException e) {
				// a CZI movie holds its file open
				if (movie instanceof Closeable) ((Closeable) movie).close();
				throw e;
			}
		}
		return sources;
	}

	/** An image open in Fiji; its file is recorded (and hashed) when ImageJ knows it. */
	public static SourceMovie of(final ImagePlus imp, final int channel, final boolean zAsTime) {
		final ImagePlusMovie movie = ImagePlusMovie.wrap(imp, channel);
		checkZ(imp.getTitle(), movie, zAsTime);
		final ij.io.FileInfo info = imp.getOriginalFileInfo();
		Path file = null;
		if (info != null && info.directory != null && info.fileName != null) {
			final Path p = Path.of(info.directory, info.fileName);
			if (Files.isRegularFile(p)) file = p.toAbsolutePath();
		}
		return SourceMovie.of(imp.getTitle(), file, movie);
	}

	private static void checkZ(final String name, final Movie movie, final boolean zAsTime) {
		final boolean zStack = movie instanceof ImagePlusMovie && ((ImagePlusMovie) movie)
			.slicesAsTime() || movie instanceof CziMovie && ((CziMovie) movie).zAsTime();
		if (zStack && !zAsTime) {
			throw new IllegalArgumentException(name + " is a Z-stack (" + movie.frames() +
				" slices, 1 frame); use the slices as the sequence with --z-as-time (Fiji: 'zastime')" +
				" or save it as a time series");
		}
	}
}
