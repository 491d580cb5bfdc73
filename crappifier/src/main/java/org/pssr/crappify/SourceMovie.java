package org.pssr.crappify;

import java.nio.file.Path;
import java.util.Optional;

import net.imglib2.type.numeric.real.FloatType;

/**
 * An HR movie the crappifier draws from, with its name (for messages and the manifest), the file it
 * came from where there is one (hashed into the manifest), and its intensity map, fitted once.
 */
public final class SourceMovie {

	private final String name;
	private final Path file;
	private final Movie movie;
	private final Normalisation normalisation;
	private final IntensityMap map;

	public SourceMovie(final String name, final Path file, final Movie movie,
		final Normalisation normalisation, final IntensityMap map)
	{
		this.name = name;
		this.file = file;
		this.movie = movie;
		this.normalisation = normalisation;
		this.map = map;
	}

	/** {@link #of(String, Path, Movie, Normalisation)} with PSSR's normalisation. */
	public static SourceMovie of(final String name, final Path file, final Movie movie) {
		return of(name, file, movie, Normalisation.PSSR);
	}

	/**
	 * Fits the map to the movie itself, after reading every frame once: a NaN anywhere would spoil
	 * the twins drawn around it.
	 *
	 * @throws IllegalArgumentException for NaN or infinite values and for a movie without contrast,
	 *           which has nothing to learn from
	 */
	public static SourceMovie of(final String name, final Path file, final Movie movie,
		final Normalisation normalisation)
	{
		for (int t = 0; t < movie.frames(); t++) {
			for (final FloatType v : movie.frame(t)) {
				if (!Float.isFinite(v.get())) throw new IllegalArgumentException(name + ": frame " + (t +
					1) + " has NaN or infinite values");
			}
		}
		final IntensityMap map = normalisation.fit(movie, name);
		if (map.flat()) throw new IllegalArgumentException(name + ": the " + normalisation
			.lowPercentile() + " and " + normalisation.highPercentile() + " % percentiles are equal (" +
			map.low() + "); a movie without contrast has nothing to learn from");
		return new SourceMovie(name, file, movie, normalisation, map);
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

	/** This movie's intensities to normalised units. */
	public IntensityMap intensityMap() {
		return map;
	}
}
