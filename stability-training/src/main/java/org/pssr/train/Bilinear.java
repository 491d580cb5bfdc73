package org.pssr.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Bilinear upsampling by an integer factor (pixel centres aligned, edges clamped, as PyTorch's
 * {@code interpolate(..., align_corners=False)}), written as two products with fixed interpolation
 * matrices: separable, on the tensor's device, and the same in training and inference.
 */
final class Bilinear {

	private Bilinear() {}

	/** {@code n x c x h x w} to {@code n x c x (h s) x (w s)}. */
	static NDArray upsample(final NDArray x, final int s) {
		if (s == 1) return x;
		final long[] d = x.getShape().getShape();
		final NDManager m = x.getManager();
		final int h = (int) d[2];
		final int w = (int) d[3];
		final NDArray across = m.create(matrix(w, s), new Shape(w * s, w)).toDevice(x.getDevice(), false)
			.transpose();
		final NDArray down = m.create(matrix(h, s), new Shape(h * s, h)).toDevice(x.getDevice(), false);
		return down.matMul(x.matMul(across));
	}

	/** Row {@code o} holds the weights of the {@code n} source pixels for output pixel {@code o}. */
	static float[] matrix(final int n, final int s) {
		final float[] a = new float[n * s * n];
		for (int o = 0; o < n * s; o++) {
			final double src = Math.max(0, (o + 0.5) / s - 0.5);
			final int i0 = Math.min((int) Math.floor(src), n - 1);
			final int i1 = Math.min(i0 + 1, n - 1);
			final float f = (float) (src - i0);
			a[o * n + i0] += 1 - f;
			a[o * n + i1] += f;
		}
		return a;
	}
}
