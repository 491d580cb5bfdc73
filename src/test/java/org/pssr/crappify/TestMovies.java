package org.pssr.crappify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.pssr.crappify.io.TiffStackReader;
import org.pssr.testing.ArrayMovie;

/** Movie files opened without ImageJ, and small in-memory movies. */
final class TestMovies {

	private TestMovies() {}

	/** Every plane of a single-channel TIFF time series is a frame. */
	static Movie open(final Path file) {
		try {
			final TiffStackReader reader = new TiffStackReader(file);
			final float[][] planes = new float[reader.planes()][];
			for (int i = 0; i < planes.length; i++) {
				planes[i] = reader.readPlane(i);
			}
			final int w = reader.width();
			final int h = reader.height();
			reader.close();
			return inMemory(w, h, planes);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static SourceMovie source(final Path file) {
		return SourceMovie.of(file.getFileName().toString(), file, open(file));
	}

	static Movie inMemory(final int width, final int height, final float[][] planes) {
		return new ArrayMovie(width, height, Calibration.UNKNOWN, planes);
	}
}
