package org.pssr.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Where the real test data are: {@code -Dpssr.data=DIR}, a folder holding {@code czi/} and
 * {@code movies/} ({@code ../shared/data} beside a CI checkout). Only {@link RealData} classes use
 * it; the default suite generates what it reads.
 */
public final class SharedData {

	public static final String PROPERTY = "pssr.data";

	private SharedData() {}

	public static Path folder() {
		return Paths.get(System.getProperty(PROPERTY, "../shared/data")).toAbsolutePath().normalize();
	}

	/** A real CZI sample, e.g. {@code LLS7_small.czi}. */
	public static Path czi(final String name) {
		return folder().resolve("czi").resolve(name);
	}

	/** A real movie, e.g. {@code mitocheck_nuclei.tif}. */
	public static Path movie(final String name) {
		return folder().resolve("movies").resolve(name);
	}

	/** The one line a developer without the data reads: where they go. */
	static String missing() {
		return "real-data suite: no test data at " + folder() + " (expected czi/ and movies/ there); " +
			"put the shared data folder there or run with -D" + PROPERTY + "=DIR";
	}

	/** Fails a {@link RealData} class, before any of its tests, when the data are not there. */
	public static final class Required implements BeforeAllCallback {

		@Override
		public void beforeAll(final ExtensionContext context) {
			if (!Files.isDirectory(folder().resolve("czi")) || !Files.isDirectory(folder().resolve(
				"movies")))
			{
				throw new IllegalStateException(missing());
			}
		}
	}
}
