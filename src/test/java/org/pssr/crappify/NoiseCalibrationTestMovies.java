package org.pssr.crappify;

import java.util.SplittableRandom;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.pssr.testing.ArrayMovie;

/**
 * Cameras of known gain, offset and read noise filming a still sample (a dark margin, a gradient and
 * bright spots), recorded in whole counts as a camera does.
 */
public final class NoiseCalibrationTestMovies {

	private static final int SIDE = 128;

	private NoiseCalibrationTestMovies() {}

	/** {@code offset + gain * Poisson(photons) + N(0, read)}, rounded; {@code max} clips. */
	public static ArrayMovie camera(final double gain, final double offset, final double read,
		final double peakPhotons, final int frames, final double max, final long seed)
	{
		final double[] photons = new double[SIDE * SIDE];
		for (int y = 0; y < SIDE; y++)
			for (int x = 0; x < SIDE; x++) {
				if (x < SIDE / 6) continue; // dark: no light reaches the camera there
				double p = 0.1 + 0.4 * x / SIDE + 0.3 * y / SIDE;
				for (int k = 0; k < 6; k++) {
					final double dx = x - 30 - 17 * k;
					final double dy = y - 20 - 15 * k;
					p += 0.8 * Math.exp(-(dx * dx + dy * dy) / 60.0);
				}
				photons[y * SIDE + x] = peakPhotons * Math.min(1, p);
			}
		final UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
		final SplittableRandom gauss = new SplittableRandom(seed + 1);
		final float[][] data = new float[frames][SIDE * SIDE];
		for (int t = 0; t < frames; t++)
			for (int i = 0; i < photons.length; i++) {
				final double shot = photons[i] > 0 ? PoissonSampler.of(rng, photons[i]).sample() : 0;
				final double v = Math.rint(offset + gain * shot + read * normal(gauss));
				data[t][i] = (float) Math.min(max, v);
			}
		return new ArrayMovie(SIDE, SIDE, Calibration.UNKNOWN, data);
	}

	static double normal(final SplittableRandom r) {
		return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
	}

}
