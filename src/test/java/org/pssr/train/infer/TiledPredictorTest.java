package org.pssr.train.infer;

import org.pssr.testing.ArrayMovie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TiledPredictorTest {

	private static final int W = 96;
	private static final int H = 80;

	private static float[] window(final ArrayMovie movie) {
		final float[] w = new float[3 * W * H];
		for (int f = 0; f < 3; f++)
			System.arraycopy(FrameArrays.copy(movie.frame(f)), 0, w, f * W * H, W * H);
		return w;
	}

	@Test
	void tiledFrameEqualsUntiledFrameWithoutSeams() {
		final BoxFilterModel model = new BoxFilterModel(2, 0.25f, 0.5f, 0.25f);
		final float[] window = window(ArrayMovie.textured(W, H, 3));
		final float[] whole = new TiledPredictor(model, 128).predict(window, H, W);
		assertEquals(1, model.calls);
		final float[] tiled = new TiledPredictor(model, 32).predict(window, H, W);
		assertTrue(model.calls > 10, "expected many tiles, got " + (model.calls - 1));
		assertEquals(W * H * 4, tiled.length);
		assertTrue(maxAbsDifference(whole, tiled) < 1e-4, "seams: " + maxAbsDifference(whole, tiled));
	}

	@Test
	void halvesTheTileWhenTheDeviceRunsOutOfMemory() {
		final BoxFilterModel model = new BoxFilterModel(2, new float[] { 0.25f, 0.5f, 0.25f }, 48 * 48);
		final float[] window = window(ArrayMovie.textured(W, H, 3));
		final TiledPredictor predictor = new TiledPredictor(model, 128);
		final float[] result = predictor.predict(window, H, W);
		assertEquals(32, predictor.tile());
		final float[] reference = new TiledPredictor(new BoxFilterModel(2, 0.25f, 0.5f, 0.25f), 128)
			.predict(window, H, W);
		assertTrue(maxAbsDifference(reference, result) < 1e-4);
	}

	@Test
	void padsTilesThatAreNotAlignedAndCropsTheResult() {
		final BoxFilterModel model = new BoxFilterModel(3, 1, 0, 0);
		final ArrayMovie movie = ArrayMovie.constant(37, 21, 3, t -> 7);
		final float[] window = new float[3 * 37 * 21];
		for (int f = 0; f < 3; f++)
			System.arraycopy(FrameArrays.copy(movie.frame(f)), 0, window, f * 37 * 21, 37 * 21);
		final float[] out = new TiledPredictor(model, 64).predict(window, 21, 37);
		assertEquals(37 * 3 * 21 * 3, out.length);
		for (final float v : out)
			assertEquals(7, v, 1e-5);
	}

	private static double maxAbsDifference(final float[] a, final float[] b) {
		double max = 0;
		for (int i = 0; i < a.length; i++)
			max = Math.max(max, Math.abs(a[i] - b[i]));
		return max;
	}
}
