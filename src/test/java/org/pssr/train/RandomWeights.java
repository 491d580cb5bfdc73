package org.pssr.train;

import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Random;

import ai.djl.ndarray.NDArray;

/**
 * Overwrites every tensor of a network with random values (batch-norm statistics and the attention
 * gain included, running variances positive), so that a freshly initialised identity-like layer
 * cannot hide a wrong computation.
 */
public final class RandomWeights {

	private RandomWeights() {}

	public static void randomise(final UNet net, final long seed) {
		final Random r = new Random(seed);
		fill(net.weights().trainable(), r, false);
		fill(net.weights().buffers(), r, true);
	}

	private static void fill(final Map<String, NDArray> tensors, final Random r, final boolean buffers) {
		for (final Map.Entry<String, NDArray> e : tensors.entrySet()) {
			final NDArray a = e.getValue();
			final float[] v = a.toFloatArray();
			final boolean variance = buffers && e.getKey().endsWith("runningVar");
			final boolean kernel = a.getShape().dimension() == 4;
			final double std = kernel ? Math.sqrt(1.0 / fanIn(a)) : 0.1;
			for (int i = 0; i < v.length; i++) {
				v[i] = variance ? (float) (0.5 + r.nextDouble()) : kernel ? (float) (r.nextGaussian() * std)
					: (float) (v[i] + r.nextGaussian() * std);
			}
			a.set(FloatBuffer.wrap(v));
		}
	}

	private static long fanIn(final NDArray a) {
		final long[] d = a.getShape().getShape();
		return d.length == 4 ? d[1] * d[2] * d[3] : 1;
	}
}
