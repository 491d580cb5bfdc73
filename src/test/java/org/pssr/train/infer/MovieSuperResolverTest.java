package org.pssr.train.infer;

import org.pssr.testing.ArrayMovie;
import org.pssr.crappify.Logger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;
import org.pssr.testing.RecordingLogger;
import org.pssr.crappify.io.MovieWriter;
import org.pssr.crappify.IntensityMap;
import org.pssr.crappify.Normalisation;

class MovieSuperResolverTest {

	/** Output frame t = 100 * in(t-1) + 10 * in(t) + in(t+1): shows which frames fed it. */
	private static final BoxFilterModel WINDOW_CODE = new BoxFilterModel(2, 100, 10, 1);

	@Test
	void givesOneFramePerInputFrameWithMirroredEdgesStreamedAsComputed() throws IOException {
		final ArrayMovie movie = ArrayMovie.constant(16, 8, 4, t -> t + 1);
		final List<Float> firstPixels = new ArrayList<>();
		new MovieSuperResolver(WINDOW_CODE, new TiledPredictor(WINDOW_CODE, 64)).run(movie,
			IntensityMap.IDENTITY, (t, frame) -> {
				assertEquals(32 * 16, frame.length);
				assertTrue(movie.highestRead <= t + 1, "read ahead to frame " + movie.highestRead +
					" before handing on frame " + t);
				firstPixels.add(frame[0]);
			}, Logger.NONE);
		assertEquals(List.of(212f, 123f, 234f, 343f), firstPixels);
	}

	@Test
	void outputIsInTheInputsUnitsAndCalibrationIsScaled() throws IOException {
		final BoxFilterModel identity = new BoxFilterModel(2, 0, 1, 0);
		final ArrayMovie movie = ArrayMovie.constant(16, 8, 3, t -> 1000 + 500 * t);
		final IntensityMap normaliser = Normalisation.PSSR.fit(movie, "movie");
		assertTrue(normaliser.high() > normaliser.low());
		final RecordingWriter writer = new RecordingWriter();
		final MovieSuperResolver resolver = new MovieSuperResolver(identity, new TiledPredictor(
			identity, 64));
		final RecordingLogger log = new RecordingLogger();
		resolver.write(movie, normaliser, writer, log);
		assertEquals(List.of(1000.0, 1500.0, 2000.0), writer.firstValues);
		assertTrue(writer.closed);
		assertEquals(List.of("frames 1/3", "frames 2/3", "frames 3/3"), log.progress);
		assertEquals(0.2, resolver.outputCalibration(movie).pixelWidth(), 1e-12);
		assertEquals(2.0, resolver.outputCalibration(movie).frameInterval(), 1e-12);
	}

	@Test
	void aFailureAbortsTheWriter() {
		final BoxFilterModel failing = new BoxFilterModel(2, 0, 1, 0) {

			@Override
			public float[] predict(final float[] input, final int n, final int h, final int w) {
				if (calls == 1) throw new IllegalStateException("engine crashed");
				return super.predict(input, n, h, w);
			}
		};
		final RecordingWriter writer = new RecordingWriter();
		assertThrows(IllegalStateException.class, () -> new MovieSuperResolver(failing,
			new TiledPredictor(failing, 64)).write(ArrayMovie.constant(8, 8, 3, t -> t),
				IntensityMap.IDENTITY, writer, Logger.NONE));
		assertTrue(writer.aborted);
		assertEquals(1, writer.firstValues.size());
	}

	@Test
	void aModelLongerThanTheMovieIsRefusedBeforeAnythingIsWritten() {
		final BoxFilterModel five = new BoxFilterModel(2, 1, 1, 1, 1, 1);
		final RecordingWriter writer = new RecordingWriter();
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new MovieSuperResolver(five, new TiledPredictor(five, 64)).write(ArrayMovie.constant(
				8, 8, 2, t -> t), IntensityMap.IDENTITY, writer, Logger.NONE));
		assertTrue(e.getMessage().contains("5 frames"));
		assertTrue(writer.firstValues.isEmpty());
		assertTrue(writer.aborted);
	}

	private static final class RecordingWriter implements MovieWriter {

		final List<Double> firstValues = new ArrayList<>();
		boolean closed;
		boolean aborted;

		@Override
		public void write(final RandomAccessibleInterval<? extends RealType<?>> frame) {
			firstValues.add(Math.rint(Views.flatIterable(frame).firstElement().getRealDouble()));
		}

		@Override
		public void abort() {
			aborted = true;
		}

		@Override
		public void close() {
			closed = true;
		}
	}
}
