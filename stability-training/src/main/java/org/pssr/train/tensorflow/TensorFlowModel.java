package org.pssr.train.tensorflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.pssr.train.SuperResolutionModel;
import org.pssr.train.WindowPadding;

/**
 * A TensorFlow SavedModel (ours or anyone's 2D image-to-image model) behind {@link
 * SuperResolutionModel}, run by DJL's TensorFlow engine in its own class loader ({@link
 * TensorFlowRuntime}). The model takes {@code n x h x w x c}
 * (NHWC, TensorFlow's layout) and returns {@code n x (h s) x (w s) x 1}; the {@code c} input
 * channels are the frames of the window. Windows are mirror-padded to the model's size multiple
 * and the output cropped, so any window size works. Calls are serialised.
 */
public final class TensorFlowModel implements SuperResolutionModel {

	private final SavedModelSession session;
	private final String engineVersion;
	private final int frames;
	private int scale;
	private final int multiple;
	private final String source;

	private TensorFlowModel(final SavedModelSession session, final String engineVersion,
		final int frames, final int scale, final int multiple, final String source)
	{
		this.session = session;
		this.engineVersion = engineVersion;
		this.frames = frames;
		this.scale = scale;
		this.multiple = multiple;
		this.source = source;
	}

	/**
	 * @param folder a SavedModel folder ({@code saved_model.pb}, {@code variables/})
	 * @param scale the upsampling factor, or 0 to measure it with one probe prediction
	 * @param multiple input sides must be multiples of this (a U-Net's total downsampling)
	 * @throws IllegalArgumentException when the folder holds no SavedModel this can run
	 */
	public static TensorFlowModel load(final Path folder, final int scale, final int multiple)
		throws IOException
	{
		if (!Files.isRegularFile(folder.resolve("saved_model.pb"))) throw new IllegalArgumentException(
			folder + " is not a TensorFlow SavedModel (no saved_model.pb)");
		if (multiple < 1) throw new IllegalArgumentException("size multiple must be positive");
		final TensorFlowEngine engine = TensorFlowRuntime.engine();
		final SavedModelSession session = engine.open(folder);
		try {
			final TensorFlowModel m = new TensorFlowModel(session, engine.version(), inputChannels(session
				.inputShape(), folder), scale, multiple, folder.getFileName().toString());
			if (scale == 0) m.scale = m.probeScale();
			return m;
		}
		catch (final RuntimeException e) {
			session.close();
			throw e;
		}
	}

	private static int inputChannels(final long[] shape, final Path folder) {
		if (shape.length != 4) throw new IllegalArgumentException(folder +
			": the input must be 4D (batch, y, x, channel), not " + Arrays.toString(shape));
		final long c = shape[3];
		if (c < 1) throw new IllegalArgumentException(folder +
			": the input's channel count (the frames of a window) must be fixed, not " + Arrays.toString(
				shape));
		return (int) c;
	}

	/** The upsampling factor, from the output size of one small zero input. */
	private int probeScale() {
		final int side = WindowPadding.padded(32, multiple);
		final float[] out = predictPadded(new float[frames * side * side], 1, side, side, 0);
		final double s = Math.sqrt(out.length / (double) (side * side));
		final int rounded = (int) Math.round(s);
		if (rounded < 1 || Math.abs(s - rounded) > 1e-9) throw new IllegalArgumentException(
			"the model's output is not an integer upsampling of its input (" + out.length +
				" values for " + side + " x " + side + ")");
		return rounded;
	}

	@Override
	public int frames() {
		return frames;
	}

	@Override
	public int scale() {
		return scale;
	}

	/** Input sides the model takes without padding. */
	public int lrMultiple() {
		return multiple;
	}

	@Override
	public synchronized float[] predict(final float[] input, final int n, final int height,
		final int width)
	{
		WindowPadding.requireWindows(input, n, frames, height, width);
		final int ph = WindowPadding.padded(height, multiple);
		final int pw = WindowPadding.padded(width, multiple);
		final float[] padded = WindowPadding.pad(input, n * frames, height, width, ph, pw);
		final float[] out = predictPadded(padded, n, ph, pw, scale);
		return WindowPadding.crop(out, n, ph * scale, pw * scale, height * scale, width * scale);
	}

	/**
	 * @param expectedScale checked against the output unless 0
	 * @return {@code n x (h s) x (w s)}
	 */
	private float[] predictPadded(final float[] nchw, final int n, final int h, final int w,
		final int expectedScale)
	{
		final long[] in = { n, h, w, frames };
		final FloatTensor out = session.predict(new FloatTensor(in, channelsLast(nchw, n, frames, h *
			w)));
		final long[] shape = out.shape();
		if (shape.length != 4 || shape[0] != n || shape[3] != 1) {
			throw new IllegalStateException("the model returned " + Arrays.toString(shape) + " for " +
				Arrays.toString(in) + "; a super-resolution model returns one channel (n, y, x, 1)");
		}
		if (expectedScale > 0 && (shape[1] != (long) h * expectedScale || shape[2] != (long) w *
			expectedScale))
		{
			throw new IllegalStateException("the model returned " + Arrays.toString(shape) + " for " +
				Arrays.toString(in) + ", not x" + expectedScale + " as described");
		}
		return out.values();
	}

	/** {@code n x c x plane} (PyTorch's layout) to {@code n x plane x c} (TensorFlow's). */
	public static float[] channelsLast(final float[] nchw, final int n, final int c, final int plane) {
		final float[] nhwc = new float[nchw.length];
		for (int i = 0; i < n; i++) {
			for (int ch = 0; ch < c; ch++) {
				final int from = (i * c + ch) * plane;
				for (int p = 0; p < plane; p++) {
					nhwc[(i * plane + p) * c + ch] = nchw[from + p];
				}
			}
		}
		return nhwc;
	}

	@Override
	public String device() {
		return "TensorFlow " + engineVersion + " on cpu() (SavedModel " + source + ")";
	}

	@Override
	public synchronized void close() {
		session.close();
	}
}
