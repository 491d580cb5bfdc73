package org.pssr.app;

import org.pssr.crappify.GaussianDegradation;
import org.pssr.crappify.Normalisation;
import org.pssr.testing.TestModel;

/**
 * A deterministic test model whose output depends on every frame of its window (weights 1, 2, 4 from
 * the first to the last), upsampled by pixel replication: a frame computed with the wrong neighbours
 * or the wrong normalisation comes out different.
 */
final class WindowModel extends TestModel {

	WindowModel(final int scale) {
		super(3, scale);
	}

	static OpenModel open(final int scale) {
		return new OpenModel(new WindowModel(scale), Normalisation.PSSR, new GaussianDegradation(scale,
			0), "test: weighted window", null, "weighted-window test model");
	}

	@Override
	public float[] predict(final float[] input, final int n, final int height, final int width) {
		final int scale = scale();
		final int hw = width * scale;
		final int plane = height * width;
		final float[] out = new float[n * height * scale * hw];
		for (int b = 0; b < n; b++)
			for (int y = 0; y < height * scale; y++)
				for (int x = 0; x < hw; x++) {
					final int i = y / scale * width + x / scale;
					final int w = b * 3 * plane;
					out[(b * height * scale + y) * hw + x] = (input[w + i] + 2 * input[w + plane + i] + 4 *
						input[w + 2 * plane + i]) / 7;
				}
		return out;
	}
}
