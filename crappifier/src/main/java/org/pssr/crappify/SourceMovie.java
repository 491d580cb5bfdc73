package org.pssr.crappify;

import java.nio.file.Path;
import java.util.Optional;

/**
 * An HR movie the crappifier draws from, with its name (for messages and the manifest), the file it
 * came from where there is one (hashed into the manifest) and its normalisation, computed once.
 */
public final class SourceMovie {

	private final String name;
	private final Path file;
	private final Movie movie;
	private final Normalisation normalisation;

	public SourceMovie(final String name, final Path file, final Movie movie,
		final Normalisation normalisation)
	{
		this.name = name;
		this.file = file;
		this.movie = movie;
		this.normalisation = normalisation;
	}

	/** Computes the normalisation from the movie itself ({@link Normalisation#of}). */
	public static SourceMovie of(final String name, final Path file, final Movie movie) {
		return new SourceMovie(name, file, movie, Normalisation.of(movie, name));
	}

	public String name() {
		return name;
	}

	public Optional<Path> file() {
		return Optional.ofNullable(file);
	}

	public Movie movie() {
		return movie;
	}

	public Normalisation normalisation() {
		return normalisation;
	}
}
