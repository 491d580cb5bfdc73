package org.pssr.train;

import java.nio.FloatBuffer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;

import org.pssr.crappify.Mirror;

/**
 * A {@link UNet} behind the engine-neutral {@link SuperResolutionModel}. Any window size is
 * accepted: windows are mirror-padded to a multiple of {@link #lrMultiple()} and the output cropped.
 * Thread-safe: calls are serialised (PyTorch already uses every core within one call).
 */
public final class DjlSuperResolutionModel implements SuperResolutionModel {

	private final UNet net;

	public DjlSuperResolutionModel(final UNet net) {
		this.net = net;
	}

	@Override
	public int frames() {
		return net.config().frames();
	}

	@Override
	public int scale() {
		return net.config().scale();
	}

	/** LR sides that need no padding; tiles of such sides waste no work. */
	public int lrMultiple() {
		return net.config().lrMultiple();
	}

	public UNet network() {
		return net;
	}

	@Override
	public synchronized float[] predict(final float[] input, final int n, final int height,
		final int width)
	{
		final int f = frames();
		if (n < 1 || height < 1 || width < 1 || input.length != (long) n * f * height * width) {
			throw new IllegalArgumentException("input holds " + input.length + " values, not " + n + " x " + f +
				" x " + height + " x " + width);
		}
		final int m = lrMultiple();
		final int ph = (height + m - 1) / m * m;
		final int pw = (width + m - 1) / m * m;
		final float[] padded = ph == height && pw == width ? input : pad(input, n * f, height, width, ph,
			pw);
		final float[] out;
		JniUtils.setGradMode(false);
		try (NDManager sub = net.manager().newSubManager()) {
			final NDArray x = sub.create(FloatBuffer.wrap(padded), new Shape(n, f, ph, pw));
			out = net.forward(x, false).toFloatArray();
		}
		final int s = scale();
		if (ph == height && pw == width) return out;
		final float[] crop = new float[n * height * s * width * s];
		for (int i = 0; i < n; i++) {
			for (int y = 0; y < height * s; y++) {
				System.arraycopy(out, (i * ph * s + y) * pw * s, crop, (i * height * s + y) * width * s, width *
					s);
			}
		}
		return crop;
	}

	/** Mirror padding (without repeating the edge pixel) at the bottom and right. */
	private static float[] pad(final float[] in, final int planes, final int h, final int w, final int ph,
		final int pw)
	{
		final float[] out = new float[planes * ph * pw];
		for (int p = 0; p < planes; p++) {
			for (int y = 0; y < ph; y++) {
				final int sy = Mirror.index(y, h);
				for (int x = 0; x < pw; x++) {
					out[(p * ph + y) * pw + x] = in[(p * h + sy) * w + Mirror.index(x, w)];
				}
			}
		}
		return out;
	}

	@Override
	public String device() {
		return Engines.describe(net.manager().getDevice());
	}

	@Override
	public synchronized void close() {
		net.close();
	}
}
