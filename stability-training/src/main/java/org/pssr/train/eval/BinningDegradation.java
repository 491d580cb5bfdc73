package org.pssr.train.eval;

import java.util.SplittableRandom;

/**
 * A plain degrader for models that do not carry their own recipe: the mean of each
 * {@code scale x scale} block (what a camera with larger pixels records) plus Gaussian read noise of
 * the given standard deviation in normalised units.
 */
public final class BinningDegradation implements FrameDegrader {

	private final double noise;

	public BinningDegradation(final double noise) {
		this.noise = noise;
	}

	@Override
	public float[] degrade(final float[] hr, final int width, final int height, final int scale,
		final long seed)
	{
		final SplittableRandom random = new SplittableRandom(seed);
		final int hw = width * scale;
		final float[] lr = new float[width * height];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				double sum = 0;
				for (int dy = 0; dy < scale; dy++)
					for (int dx = 0; dx < scale; dx++)
						sum += hr[(y * scale + dy) * hw + x * scale + dx];
				lr[y * width + x] = (float) (sum / (scale * scale) + noise * gaussian(random));
			}
		return lr;
	}

	private static double gaussian(final SplittableRandom random) {
		final double u = 1 - random.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
	}

	@Override
	public String toString() {
		return "binning + Gaussian noise " + noise;
	}
}
