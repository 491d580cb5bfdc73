package org.pssr.train.tensorflow;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import ai.djl.util.PairList;

import org.pssr.train.SuperResolutionModel;
import org.pssr.train.WindowPadding;

/**
 * A TensorFlow SavedModel (ours or anyone's 2D image-to-image model) behind {@link
 * SuperResolutionModel}, run by DJL's TensorFlow engine. The model takes {@code n x h x w x c}
 * (NHWC, TensorFlow's layout) and returns {@code n x (h s) x (w s) x 1}; the {@code c} input
 * channels are the frames of the window. Windows are mirror-padded to the model's size multiple
 * and the output cropped, so any window size works. Calls are serialised.
 */
public final class TensorFlowModel implements SuperResolutionModel {

	private final ZooModel<NDList, NDList> model;
	private final Predictor<NDList, NDList> predictor;
	private final int frames;
	private int scale;
	private final int multiple;
	private final String source;

	private TensorFlowModel(final ZooModel<NDList, NDList> model, final int frames, final int scale,
		final int multiple, final String source)
	{
		this.model = model;
		this.predictor = model.newPredictor();
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
		TensorFlowNatives.engine();
		final Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
			.optModelPath(folder).optEngine(TensorFlowNatives.ENGINE).build();
		final ZooModel<NDList, NDList> zoo;
		try {
			zoo = criteria.loadModel();
		}
		catch (final ModelNotFoundException | MalformedModelException e) {
			throw new IllegalArgumentException("TensorFlow could not load " + folder + ": " + e
				.getMessage(), e);
		}
		try {
			final TensorFlowModel m = new TensorFlowModel(zoo, inputChannels(zoo, folder), scale, multiple,
				folder.getFileName().toString());
			if (scale == 0) m.scale = m.probeScale();
			return m;
		}
		catch (final RuntimeException e) {
			zoo.close();
			throw e;
		}
	}

	private static int inputChannels(final ZooModel<NDList, NDList> zoo, final Path folder) {
		final PairList<String, Shape> inputs = zoo.describeInput();
		if (inputs == null || inputs.size() != 1) throw new IllegalArgumentException(folder +
			": a super-resolution model takes one input tensor, this one takes " + (inputs == null ? 0
				: inputs.size()));
		final Shape shape = inputs.get(0).getValue();
		if (shape.dimension() != 4) throw new IllegalArgumentException(folder +
			": the input must be 4D (batch, y, x, channel), not " + shape);
		final long c = shape.get(3);
		if (c < 1) throw new IllegalArgumentException(folder +
			": the input's channel count (the frames of a window) must be fixed, not " + shape);
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
		final float[] nhwc = channelsLast(nchw, n, frames, h * w);
		try (NDManager sub = model.getNDManager().newSubManager()) {
			final NDArray x = sub.create(FloatBuffer.wrap(nhwc), new Shape(n, h, w, frames));
			final NDList result = predictor.predict(new NDList(x));
			final Shape shape = result.singletonOrThrow().getShape();
			if (shape.dimension() != 4 || shape.get(0) != n || shape.get(3) != 1) {
				throw new IllegalStateException("the model returned " + shape + " for " + new Shape(n, h, w,
					frames) + "; a super-resolution model returns one channel (n, y, x, 1)");
			}
			if (expectedScale > 0 && (shape.get(1) != (long) h * expectedScale || shape.get(2) != (long) w *
				expectedScale))
			{
				throw new IllegalStateException("the model returned " + shape + " for " + new Shape(n, h, w,
					frames) + ", not x" + expectedScale + " as described");
			}
			return result.singletonOrThrow().toFloatArray();
		}
		catch (final TranslateException e) {
			throw new IllegalStateException("TensorFlow failed: " + e.getMessage(), e);
		}
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
		return "TensorFlow " + TensorFlowNatives.engine().getVersion() + " on cpu() (SavedModel " +
			source + ")";
	}

	@Override
	public synchronized void close() {
		predictor.close();
		model.close();
	}
}
