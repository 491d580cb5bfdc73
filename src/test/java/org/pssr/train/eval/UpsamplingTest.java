package org.pssr.train.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UpsamplingTest {

	@Test
	void reproduceConstantsEverywhereAndRampsInside() {
		final int w = 12;
		final int h = 9;
		final float[] ramp = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				ramp[y * w + x] = 2 * x + 3 * y;
		for (final Upsampling u : Upsampling.values()) {
			final float[] constant = u.upsample(filled(w * h, 5), w, h, 4);
			for (final float v : constant)
				assertEquals(5, v, 1e-5, u.label());
			final float[] up = u.upsample(ramp, w, h, 4);
			for (int y = 8; y < 4 * h - 8; y++)
				for (int x = 8; x < 4 * w - 8; x++)
					assertEquals(2 * ((x + 0.5) / 4 - 0.5) + 3 * ((y + 0.5) / 4 - 0.5), up[y * 4 * w + x], 1e-4,
						u.label() + " at " + x + "," + y);
		}
	}

	@Test
	void bicubicOvershootsAStepAndBilinearDoesNot() {
		final float[] step = new float[16 * 16];
		for (int y = 0; y < 16; y++)
			for (int x = 8; x < 16; x++)
				step[y * 16 + x] = 1;
		assertEquals(1, max(Upsampling.BILINEAR.upsample(step, 16, 16, 2)), 1e-6);
		assertEquals(true, max(Upsampling.BICUBIC.upsample(step, 16, 16, 2)) > 1.01);
	}

	private static float[] filled(final int n, final float v) {
		final float[] a = new float[n];
		java.util.Arrays.fill(a, v);
		return a;
	}

	private static float max(final float[] a) {
		float m = Float.NEGATIVE_INFINITY;
		for (final float v : a)
			m = Math.max(m, v);
		return m;
	}
}
