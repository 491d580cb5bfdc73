package org.pssr.testing;

import java.nio.file.Path;

/**
 * A test class that runs on the {@link TestMovie}s: on their synthetic stand-ins in the default
 * suite, and on the real files in a subclass marked {@link RealData}, which then needs no code of
 * its own. The suite's tag and the files it reads come from the one annotation, so they cannot
 * disagree.
 */
public abstract class MovieSuite {

	/** The file of {@code movie} that this run of the class reads. */
	protected Path movie(final TestMovie movie) {
		return getClass().isAnnotationPresent(RealData.class) ? movie.real() : movie.synthetic();
	}
}
