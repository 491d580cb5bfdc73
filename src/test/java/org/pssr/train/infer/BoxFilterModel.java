package org.pssr.train.infer;

import org.pssr.testing.TestModel;

/**
 * A deterministic stand-in for a network: each output pixel is a weighted sum over the window's
 * frames of the 3x3 mean around the LR pixel it falls in. Local (radius 1 LR pixel) and
 * translation-equivariant, like a convolutional network far from its receptive-field size.
 */
class BoxFilterModel extends TestModel {

	private final float[] frameWeights;
	private final long maxTilePixels;
	int calls;

	BoxFilterModel(final int scale, final float... frameWeights) {
		this(scale, frameWeights, Long.MAX_VALUE);
	}

	/** @param maxTilePixels larger tiles fail as a GPU out of memory would */
	BoxFilterModel(final int scale, final float[] frameWeights, final long maxTilePixels) {
		super(frameWeights.length, scale);
		this.frameWeights = frameWeights;
		this.maxTilePixels = maxTilePixels;
	}

	@Override
	public float[] predict(final float[] input, final int n, final int height, final int width) {
		if ((long) height * width > maxTilePixels) throw new IllegalStateException(
			"CUDA out of memory. Tried to allocate 2.00 GiB");
		calls++;
		final int frames = frames();
		final int scale = scale();
		final int hw = width * scale;
		final float[] out = new float[n * height * scale * hw];
		for (int b = 0; b < n; b++) {
			for (int y = 0; y < height; y++) {
				for (int x = 0; x < width; x++) {
					double v = 0;
					for (int f = 0; f < frames; f++) {
						final int base = (b * frames + f) * height * width;
						double box = 0;
						for (int dy = -1; dy <= 1; dy++)
							for (int dx = -1; dx <= 1; dx++)
								box += input[base + clamp(y + dy, height) * width + clamp(x + dx, width)];
						v += frameWeights[f] * box / 9;
					}
					for (int sy = 0; sy < scale; sy++)
						for (int sx = 0; sx < scale; sx++)
							out[(b * height * scale + y * scale + sy) * hw + x * scale + sx] = (float) v;
				}
			}
		}
		return out;
	}

	private static int clamp(final int i, final int n) {
		return Math.max(0, Math.min(n - 1, i));
	}
}
