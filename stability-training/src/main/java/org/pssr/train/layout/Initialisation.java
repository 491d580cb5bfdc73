package org.pssr.train.layout;

import java.util.Arrays;
import java.util.Random;

/**
 * How a tensor's initial values are drawn. All tensors of a network draw from one seeded sequence,
 * in layout order, so the order of the draws is part of what a seed means.
 */
interface Initialisation {

	float[] values(Random random, long[] shape);

	static Initialisation constant(final float value) {
		return (random, shape) -> {
			final float[] v = new float[size(shape)];
			Arrays.fill(v, value);
			return v;
		};
	}

	/**
	 * Normal values for a convolution weight {@code (out s s) x in x k x k} followed by a pixel
	 * shuffle of factor {@code s}, drawn once per output channel and input position and repeated over
	 * that channel's {@code s s} sub-pixels (ICNR, Aitken et al. 2017): the shuffled output starts
	 * free of checkerboard artefacts. With {@code s = 1} these are plain normal values, drawn in
	 * row-major order.
	 */
	static Initialisation icnr(final double std, final int shuffle) {
		return (random, shape) -> {
			final int subs = shuffle * shuffle;
			final int out = (int) shape[0] / subs;
			final int per = size(shape) / (int) shape[0];
			final float[] v = new float[size(shape)];
			for (int o = 0; o < out; o++) {
				for (int i = 0; i < per; i++) {
					final float g = (float) (random.nextGaussian() * std);
					for (int sub = 0; sub < subs; sub++) {
						v[(o * subs + sub) * per + i] = g;
					}
				}
			}
			return v;
		};
	}

	private static int size(final long[] shape) {
		long n = 1;
		for (final long d : shape) {
			n *= d;
		}
		return Math.toIntExact(n);
	}
}
