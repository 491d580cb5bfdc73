package org.pssr.crappify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pssr.testing.MovieSuite;
import org.pssr.testing.TestMovie;

/** On a synthetic stand-in; {@link TwinCrappifierRealDataTest} runs the same on the real movie. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwinCrappifierTest extends MovieSuite {

	private SourceMovie drosophila;
	private float[][] normalised;

	@BeforeAll
	void open() {
		drosophila = TestMovies.source(movie(TestMovie.SEQUENCE_1));
		final Movie m = drosophila.movie();
		normalised = new float[m.frames()][];
		for (int t = 0; t < m.frames(); t++) {
			final float[] plane = new float[(int) (m.width() * m.height())];
			int i = 0;
			for (final FloatType v : Views.flatIterable(m.frame(t))) {
				plane[i++] = drosophila.intensityMap().apply(v.get());
			}
			normalised[t] = plane;
		}
	}

	private TwinCrappifier crappifier(final Degradation recipe, final TwinOptions options) {
		return new TwinCrappifier(List.of(drosophila), recipe, options);
	}

	@Test
	void twinsDifferAndArePureFunctionsOfSeedEpochAndIndex() {
		final TwinCrappifier c = crappifier(new PssrDegradation(4), new TwinOptions().tile(64).seed(3));
		final TwinSample a = c.draw(Split.TRAIN, 2, 5);
		assertFalse(Arrays.equals(a.x1(), a.x2()), "X1 and X2 are the same draw");
		final TwinSample again = crappifier(new PssrDegradation(4), new TwinOptions().tile(64).seed(3))
			.draw(Split.TRAIN, 2, 5);
		assertArrayEquals(a.x1(), again.x1());
		assertArrayEquals(a.x2(), again.x2());
		assertArrayEquals(a.target(), again.target());
		assertFalse(Arrays.equals(a.x1(), c.draw(Split.TRAIN, 3, 5).x1()), "epoch ignored");
		assertFalse(Arrays.equals(a.x1(), c.draw(Split.TRAIN, 2, 6).x1()), "index ignored");
		assertFalse(Arrays.equals(a.x1(), crappifier(new PssrDegradation(4), new TwinOptions().tile(64)
			.seed(4)).draw(Split.TRAIN, 2, 5).x1()), "seed ignored");
	}

	@Test
	void targetIsTheHrCentreTileAndEachChannelItsOwnFrame() {
		// with (almost) no noise, each LR channel is the downsampled HR tile of its frame
		final Degradation clean = new PoissonDegradation(2, 1e7, 0);
		for (final int frames : new int[] { 1, 3, 5 }) {
			final TwinCrappifier c = crappifier(clean, new TwinOptions().frames(frames).tile(32).augment(
				false).seed(frames));
			final TwinSample s = c.draw(Split.TRAIN, 0, 0);
			assertEquals(frames, s.frames());
			final int[] where = locate(s.target(), 32);
			assertTrue(where != null, "target is not an HR tile of the movie");
			final int t = where[0];
			for (int ch = 0; ch < frames; ch++) {
				final float[] hr = tile(t - frames / 2 + ch, where[1], where[2], 32);
				final float[] down = Tiles.downsample(hr, 32, 32, 2);
				final float[] x1 = Arrays.copyOfRange(s.x1(), ch * 256, (ch + 1) * 256);
				final float[] x2 = Arrays.copyOfRange(s.x2(), ch * 256, (ch + 1) * 256);
				assertArrayEquals(down, x1, 0.01f, "channel " + ch + " of " + frames);
				assertArrayEquals(down, x2, 0.01f, "channel " + ch + " of " + frames);
			}
		}
	}

	/** Normalised HR tile of frame t at (x0, y0), read from the movie independently of the sampler. */
	private float[] tile(final int t, final int x0, final int y0, final int size) {
		final float[] out = new float[size * size];
		final int width = (int) drosophila.movie().width();
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				out[y * size + x] = normalised[t][(y0 + y) * width + x0 + x];
			}
		}
		return out;
	}

	/** (t, x0, y0) of the frame tile equal to {@code target}, or null. */
	private int[] locate(final float[] target, final int size) {
		final Movie m = drosophila.movie();
		final int width = (int) m.width();
		for (int t = 0; t < m.frames(); t++) {
			for (int y0 = 0; y0 + size <= m.height(); y0++) {
				for (int x0 = 0; x0 + size <= width; x0++) {
					if (normalised[t][y0 * width + x0] == target[0] && Arrays.equals(target, tile(t, x0, y0,
						size))) return new int[] { t, x0, y0 };
				}
			}
		}
		return null;
	}

	@Test
	void validationHoldsOutTheLastFramesOfEachMovie() {
		// frame t is filled with t + 1 (plus a ramp for contrast), so a target names its frame
		final int frames = 20;
		final float[][] planes = new float[frames][16 * 16];
		for (int t = 0; t < frames; t++) {
			for (int i = 0; i < planes[t].length; i++) {
				planes[t][i] = 100 * (t + 1) + (i % 16) * 0.001f;
			}
		}
		final Movie movie = TestMovies.inMemory(16, 16, planes);
		final SourceMovie source = SourceMovie.of("ramp", null, movie);
		final TwinCrappifier c = new TwinCrappifier(List.of(source), new PssrDegradation(2),
			new TwinOptions().tile(16).frames(3).validation(0.2).minSignal(-1e9));
		final boolean[] seenTrain = new boolean[frames];
		final boolean[] seenValid = new boolean[frames];
		for (int i = 0; i < 200; i++) {
			seenTrain[frameOf(source, c.draw(Split.TRAIN, i % 3, i))] = true;
			seenValid[frameOf(source, c.draw(Split.VALID, 0, i))] = true;
		}
		// 20 frames, 4 held out (16..19): training centres 1..14, validation centres 17..18
		for (int t = 0; t < frames; t++) {
			assertEquals(t >= 1 && t <= 14, seenTrain[t], "training centre " + t);
			assertEquals(t == 17 || t == 18, seenValid[t], "validation centre " + t);
		}
	}

	private static int frameOf(final SourceMovie source, final TwinSample s) {
		return Math.round(source.intensityMap().invert(s.target()[0]) / 100) - 1;
	}

	@Test
	void onTheFlySourcesGiveFreshTrainingNoiseAndFixedValidation() {
		final TwinCrappifier c = crappifier(new PoissonDegradation(4), new TwinOptions().tile(64));
		final TwinSource train = c.source(Split.TRAIN, 10);
		final TwinSource valid = c.source(Split.VALID, 4);
		assertEquals(10, train.size());
		assertEquals(3, train.frames());
		assertEquals(4, train.scale());
		assertTrue(train.describe().contains("recipe=poisson"), train.describe());
		assertArrayEquals(c.draw(Split.TRAIN, 1, 7).x1(), train.get(1, 7).x1());
		assertFalse(Arrays.equals(train.get(0, 7).x1(), train.get(1, 7).x1()));
		assertArrayEquals(valid.get(0, 3).x1(), valid.get(5, 3).x1());
		assertThrows(IndexOutOfBoundsException.class, () -> train.get(0, 10));
	}

	@Test
	void badInputGetsAClearMessage() {
		final float[] plane = new float[64 * 64];
		for (int i = 0; i < plane.length; i++) {
			plane[i] = i % 7;
		}
		final SourceMovie single = SourceMovie.of("single.tif", null, TestMovies.inMemory(64, 64,
			new float[][] { plane }));
		assertMessage("1 frame", () -> new TwinCrappifier(List.of(single), new PssrDegradation(4),
			new TwinOptions().tile(64)));
		final SourceMovie tiny = SourceMovie.of("tiny.tif", null, TestMovies.inMemory(2, 2,
			new float[][] { { 1, 2, 3, 4 }, { 2, 3, 4, 5 }, { 3, 4, 5, 6 }, { 1, 2, 3, 4 } }));
		assertMessage("smaller than the 64 px tile", () -> new TwinCrappifier(List.of(tiny),
			new PssrDegradation(4), new TwinOptions().tile(64)));
		final float[][] nan = new float[5][];
		for (int t = 0; t < nan.length; t++) {
			nan[t] = plane.clone();
		}
		nan[3][100] = Float.NaN;
		assertMessage("NaN", () -> SourceMovie.of("nan.tif", null, TestMovies.inMemory(64, 64, nan)));
		assertMessage("not a multiple of scale", () -> crappifier(new PssrDegradation(8),
			new TwinOptions().tile(60)));
		assertMessage("frames must be 1, 3 or 5", () -> new TwinOptions().frames(4));
		final TwinCrappifier picky = crappifier(new PssrDegradation(4), new TwinOptions().tile(64)
			.minSignal(0.99).maxTries(5));
		assertMessage("mean signal >= 0.99", () -> picky.draw(Split.TRAIN, 0, 0));
	}

	private static void assertMessage(final String expected, final Runnable action) {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			action::run);
		assertTrue(e.getMessage().contains(expected), e.getMessage());
	}
}
