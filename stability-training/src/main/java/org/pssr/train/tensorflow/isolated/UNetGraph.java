package org.pssr.train.tensorflow.isolated;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.pssr.train.UNetConfig;
import org.pssr.train.layout.AddCentre;
import org.pssr.train.layout.Attention;
import org.pssr.train.layout.BatchNorm;
import org.pssr.train.layout.Convolution;
import org.pssr.train.layout.Interpreter;
import org.pssr.train.layout.Residual;
import org.pssr.train.layout.UNetLayout;
import org.pssr.train.layout.UpsampleInput;
import org.pssr.train.tensorflow.FloatTensor;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.op.train.BatchMatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A trained U-Net ({@code org.pssr.train.UNet}) rebuilt as a TensorFlow graph from the same
 * {@link UNetLayout}, NHWC, with the weights as constants (frozen: nothing to initialise or
 * restore, so every TensorFlow consumer runs it as it is). Batch norm (inference statistics) is
 * folded into the convolution before it; PyTorch's pixel-shuffle channel order is permuted into
 * TensorFlow's {@code DepthToSpace} order; strided convolutions pad symmetrically as PyTorch does,
 * not as TensorFlow's {@code SAME}.
 */
final class UNetGraph implements Interpreter {

	static final String INPUT = "input";
	static final String OUTPUT = "output";

	private final Ops tf;
	private final String preset;
	private final Map<String, FloatTensor> weights;
	private final Placeholder<TFloat32> input;
	private final Deque<Operand<TFloat32>> skips = new ArrayDeque<>();
	private Operand<TFloat32> activation;

	private UNetGraph(final Ops tf, final UNetConfig config, final Map<String, FloatTensor> weights) {
		this.tf = tf;
		this.preset = config.preset();
		this.weights = weights;
		input = tf.withName(INPUT).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1,
			config.frames())));
		activation = input;
	}

	/** The network's input and output in {@code tf}'s graph. */
	static final class Endpoints {

		final Placeholder<TFloat32> input;
		final Operand<TFloat32> output;

		Endpoints(final Placeholder<TFloat32> input, final Operand<TFloat32> output) {
			this.input = input;
			this.output = output;
		}
	}

	/**
	 * Adds the network to the graph of {@code tf}: input {@code n x h x w x frames}, output {@code n x
	 * hs x ws x 1}.
	 *
	 * @param weights every trainable tensor and buffer of the network, by name
	 */
	static Endpoints build(final Ops tf, final UNetConfig config,
		final Map<String, FloatTensor> weights)
	{
		final UNetGraph graph = new UNetGraph(tf, config, weights);
		UNetLayout.of(config).interpret(graph);
		return new Endpoints(graph.input, tf.withName(OUTPUT).identity(graph.activation));
	}

	@Override
	public void upsampleInput(final UpsampleInput step) {
		activation = upsample(activation, step.scale());
	}

	@Override
	public void convolution(final Convolution step) {
		activation = convolve(step, activation);
	}

	@Override
	public void residual(final Residual step) {
		final Operand<TFloat32> y = convolve(step.second(), convolve(step.first(), activation));
		activation = tf.nn.relu(tf.math.add(y, activation));
	}

	/**
	 * SAGAN self-attention, in NHWC: positions are rows, so PyTorch's {@code softmax(dim=1)} becomes
	 * the last axis of the transposed scores.
	 */
	@Override
	public void attention(final Attention step) {
		final Operand<TFloat32> x = activation;
		final Operand<TInt32> n = tf.slice(tf.shape(x), tf.constant(new int[] { 0 }), tf.constant(
			new int[] { 1 }));
		final Operand<TFloat32> q = tf.reshape(convolve(step.query(), x), rows(n, step.keys()));
		final Operand<TFloat32> k = tf.reshape(convolve(step.key(), x), rows(n, step.keys()));
		final Operand<TFloat32> v = tf.reshape(convolve(step.value(), x), rows(n, step.channels()));
		final Operand<TFloat32> scores = tf.train.batchMatMul(k, q, TFloat32.class, BatchMatMul.adjY(
			true));
		final Operand<TFloat32> mixed = tf.train.batchMatMul(tf.nn.softmax(scores), v, TFloat32.class);
		final float gamma = weight(step.gamma()).values()[0];
		activation = tf.math.add(tf.math.mul(tf.reshape(mixed, tf.shape(x)), tf.constant(gamma)), x);
	}

	@Override
	public void saveSkip() {
		skips.push(activation);
	}

	@Override
	public void concatSkip() {
		activation = tf.concat(Arrays.asList(activation, skips.pop()), tf.constant(3));
	}

	@Override
	public void addCentre(final AddCentre step) {
		final Operand<TFloat32> centre = tf.slice(input, tf.constant(new int[] { 0, 0, 0, step
			.frame() }), tf.constant(new int[] { -1, -1, -1, 1 }));
		activation = tf.math.add(activation, upsample(centre, step.scale()));
	}

	/** Bilinear, half-pixel centres, edges clamped: PyTorch's {@code align_corners=False}. */
	private Operand<TFloat32> upsample(final Operand<TFloat32> x, final int s) {
		if (s == 1) return x;
		final Operand<TInt32> hw = tf.math.mul(tf.slice(tf.shape(x), tf.constant(new int[] { 1 }), tf
			.constant(new int[] { 2 })), tf.constant(s));
		return tf.image.resizeBilinear(x, hw, ResizeBilinear.halfPixelCenters(true));
	}

	/** The shape {@code [n, -1, c]}: one row per position. */
	private Operand<TInt32> rows(final Operand<TInt32> n, final int c) {
		final List<Operand<TInt32>> parts = Arrays.asList(n, tf.constant(new int[] { -1 }), tf.constant(
			new int[] { c }));
		return tf.concat(parts, tf.constant(0));
	}

	/** The PyTorch weight {@code out x in x k x k} becomes TensorFlow's {@code k x k x in x out}. */
	private Operand<TFloat32> convolve(final Convolution step, final Operand<TFloat32> x) {
		final int out = step.outputs();
		final int in = step.in();
		final int k = step.kernel();
		final float[] src = weight(step.weight()).values();
		final float[] bias = weight(step.bias()).values();
		final double[] gain = new double[out];
		final double[] shift = new double[out];
		for (int o = 0; o < out; o++) {
			gain[o] = 1;
			shift[o] = bias[o];
		}
		if (step.norm().isPresent()) fold(step.norm().get(), bias, gain, shift);
		final int[] order = shuffleOrder(out, step.shuffle());
		final float[] hwio = new float[src.length];
		final float[] b = new float[out];
		for (int q = 0; q < out; q++) {
			final int o = order[q];
			b[q] = (float) shift[o];
			for (int i = 0; i < in; i++) {
				for (int y = 0; y < k; y++) {
					for (int xx = 0; xx < k; xx++) {
						hwio[((y * k + xx) * in + i) * out + q] = (float) (src[((o * in + i) * k + y) * k + xx] *
							gain[o]);
					}
				}
			}
		}
		Operand<TFloat32> padded = x;
		final String padding;
		if (step.stride() == 1) {
			padding = "SAME";
		}
		else {
			final int p = step.padding();
			padded = tf.pad(x, tf.constant(new int[][] { { 0, 0 }, { p, p }, { p, p }, { 0, 0 } }), tf
				.constant(0f));
			padding = "VALID";
		}
		final Operand<TFloat32> filter = tf.constant(Shape.of(k, k, in, out), DataBuffers.of(hwio, true,
			false));
		final long stride = step.stride();
		Operand<TFloat32> y = tf.nn.biasAdd(tf.nn.conv2d(padded, filter, Arrays.asList(1L, stride,
			stride, 1L), padding), tf.constant(Shape.of(out), DataBuffers.of(b, true, false)));
		if (step.shuffle() > 1) y = tf.nn.depthToSpace(y, (long) step.shuffle());
		return step.relu() ? tf.nn.relu(y) : y;
	}

	/**
	 * Batch norm with the running statistics as a per-channel gain and shift of the convolution:
	 * {@code w' = w g / sqrt(var + eps)}, {@code b' = (b - mean) g / sqrt(var + eps) + beta}.
	 */
	private void fold(final BatchNorm norm, final float[] bias, final double[] gain,
		final double[] shift)
	{
		final float[] gamma = weight(norm.gamma()).values();
		final float[] beta = weight(norm.beta()).values();
		final float[] mean = weight(norm.runningMean()).values();
		final float[] var = weight(norm.runningVar()).values();
		for (int o = 0; o < gain.length; o++) {
			gain[o] = gamma[o] / Math.sqrt(var[o] + (double) norm.epsilon());
			shift[o] = (bias[o] - mean[o]) * gain[o] + beta[o];
		}
	}

	private FloatTensor weight(final String name) {
		final FloatTensor t = weights.get(name);
		if (t == null) throw new IllegalArgumentException("the network has no tensor " + name +
			" that the " + preset + " layout needs");
		return t;
	}

	/**
	 * {@code order[q]} is the PyTorch output channel that becomes TensorFlow channel {@code q}:
	 * PyTorch's pixel shuffle reads channel {@code c s s + i s + j} for sub-pixel {@code (i, j)} of
	 * channel {@code c}, {@code DepthToSpace} reads {@code (i s + j) C + c}.
	 */
	static int[] shuffleOrder(final int channels, final int s) {
		final int[] order = new int[channels];
		final int c = channels / (s * s);
		for (int ch = 0; ch < c; ch++) {
			for (int i = 0; i < s; i++) {
				for (int j = 0; j < s; j++) {
					order[(i * s + j) * c + ch] = ch * s * s + i * s + j;
				}
			}
		}
		return order;
	}
}
