package org.pssr.train;

import java.nio.FloatBuffer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
/**
 * A {@link Network} behind the engine-neutral {@link SuperResolutionModel}. Any window size is
 * accepted: windows are mirror-padded to a multiple of {@link #lrMultiple()} and the output cropped.
 * Thread-safe: calls are serialised (PyTorch already uses every core within one call).
 */
public final class DjlSuperResolutionModel implements SuperResolutionModel {

	private final Network net;

	public DjlSuperResolutionModel(final Network net) {
		this.net = net;
	}

	@Override
	public int frames() {
		return net.architecture().frames();
	}

	@Override
	public int scale() {
		return net.architecture().scale();
	}

	/** LR sides that need no padding; tiles of such sides waste no work. */
	public int lrMultiple() {
		return net.architecture().lrMultiple();
	}

	public Network network() {
		return net;
	}

	@Override
	public synchronized float[] predict(final float[] input, final int n, final int height,
		final int width)
	{
		final int f = frames();
		WindowPadding.requireWindows(input, n, f, height, width);
		final int m = lrMultiple();
		final int ph = WindowPadding.padded(height, m);
		final int pw = WindowPadding.padded(width, m);
		final float[] out;
		JniUtils.setGradMode(false);
		try (NDManager sub = net.manager().newSubManager()) {
			final NDArray x = sub.create(FloatBuffer.wrap(WindowPadding.pad(input, n * f, height, width, ph,
				pw)), new Shape(n, f, ph, pw));
			out = net.forward(x, false).toFloatArray();
		}
		final int s = scale();
		return WindowPadding.crop(out, n, ph * s, pw * s, height * s, width * s);
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
