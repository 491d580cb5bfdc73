package org.pssr.train.tensorflow.isolated;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.pssr.train.UNetConfig;
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
 * A trained U-Net ({@code org.pssr.train.UNet}) rebuilt as a TensorFlow graph, NHWC, with the weights as constants
 * (frozen: nothing to initialise or restore, so every TensorFlow consumer runs it as it is). Batch
 * norm (inference statistics) is folded into the convolution before it; PyTorch's pixel-shuffle
 * channel order is permuted into TensorFlow's {@code DepthToSpace} order; strided convolutions pad
 * symmetrically as PyTorch does, not as TensorFlow's {@code SAME}.
 *
 * <p>
 * The layer walk mirrors {@code UNet}'s constructor and forward pass name by name; a change there
 * must be made here too, and the per-preset equivalence test fails until it is.
 */
final class UNetGraph {

	static final String INPUT = "input";
	static final String OUTPUT = "output";
	private static final float EPS = 1e-5f;

	private final Ops tf;
	private final UNetConfig config;
	private final Map<String, FloatTensor> weights;

	private UNetGraph(final Ops tf, final UNetConfig config, final Map<String, FloatTensor> weights) {
		this.tf = tf;
		this.config = config;
		this.weights = weights;
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
		return new UNetGraph(tf, config, weights).build();
	}

	private Endpoints build() {
		final int s = config.scale();
		final int depth = config.depth();
		final Placeholder<TFloat32> lr = tf.withName(INPUT).placeholder(TFloat32.class, Placeholder.shape(
			Shape.of(-1, -1, -1, config.frames())));
		final int c = config.frames() / 2;
		final Operand<TFloat32> centre = upsample(tf.slice(lr, tf.constant(new int[] { 0, 0, 0, c }), tf
			.constant(new int[] { -1, -1, -1, 1 })), s);
		Operand<TFloat32> a = convBn("stem", config.lowResolution() ? lr : upsample(lr, s), 1, true);
		final Operand<?>[] skips = new Operand<?>[depth];
		for (int l = 0; l < depth; l++) {
			for (int b = 0; b < config.resBlocks(); b++) {
				a = residual("enc" + l + ".res" + b, a);
			}
			skips[l] = a;
			a = convBn("enc" + l + ".down", a, 2, true);
		}
		for (int b = 0; b < Math.max(1, config.resBlocks()); b++) {
			a = residual("mid.res" + b, a);
		}
		if (config.attention()) a = attention("mid.attn", a);
		for (int l = depth - 1; l >= 0; l--) {
			a = tf.nn.relu(conv("dec" + l + ".shuffle", a, 2));
			@SuppressWarnings("unchecked")
			final Operand<TFloat32> skip = (Operand<TFloat32>) skips[l];
			a = convBn("dec" + l + ".merge", tf.concat(Arrays.asList(a, skip), tf.constant(3)), 1, true);
		}
		final Operand<TFloat32> head = conv("head", a, config.lowResolution() ? s : 1);
		return new Endpoints(lr, tf.withName(OUTPUT).math.add(head, centre));
	}

	/** Bilinear, half-pixel centres, edges clamped: PyTorch's {@code align_corners=False}. */
	private Operand<TFloat32> upsample(final Operand<TFloat32> x, final int s) {
		if (s == 1) return x;
		final Operand<TInt32> hw = tf.math.mul(tf.slice(tf.shape(x), tf.constant(new int[] { 1 }), tf
			.constant(new int[] { 2 })), tf.constant(s));
		return tf.image.resizeBilinear(x, hw, ResizeBilinear.halfPixelCenters(true));
	}

	/** Convolution {@code name} (weights {@code name.weight}, {@code name.bias}), optionally pixel-shuffled. */
	private Operand<TFloat32> conv(final String name, final Operand<TFloat32> x, final int shuffle) {
		final FloatTensor w = weight(name + ".weight");
		final float[] bias = weight(name + ".bias").values();
		return convolve(x, w, bias, null, 1, shuffle);
	}

	/** Convolution + folded batch norm (+ ReLU). */
	private Operand<TFloat32> convBn(final String name, final Operand<TFloat32> x, final int stride,
		final boolean relu)
	{
		final FloatTensor w = weight(name + ".conv.weight");
		final float[] bias = weight(name + ".conv.bias").values();
		final Operand<TFloat32> y = convolve(x, w, bias, name + ".bn", stride, 1);
		return relu ? tf.nn.relu(y) : y;
	}

	private Operand<TFloat32> residual(final String name, final Operand<TFloat32> x) {
		final Operand<TFloat32> y = convBn(name + ".b", convBn(name + ".a", x, 1, true), 1, false);
		return tf.nn.relu(tf.math.add(y, x));
	}

	/** SAGAN self-attention, in NHWC: positions are rows, so PyTorch's {@code softmax(dim=1)} becomes the last axis of the transposed scores. */
	private Operand<TFloat32> attention(final String name, final Operand<TFloat32> x) {
		final int channels = (int) weight(name + ".value.weight").dimension(0);
		final int keys = (int) weight(name + ".query.weight").dimension(0);
		final Operand<TInt32> n = tf.slice(tf.shape(x), tf.constant(new int[] { 0 }), tf.constant(
			new int[] { 1 }));
		final Operand<TFloat32> q = tf.reshape(conv(name + ".query", x, 1), rows(n, keys));
		final Operand<TFloat32> k = tf.reshape(conv(name + ".key", x, 1), rows(n, keys));
		final Operand<TFloat32> v = tf.reshape(conv(name + ".value", x, 1), rows(n, channels));
		final Operand<TFloat32> scores = tf.train.batchMatMul(k, q, TFloat32.class, BatchMatMul.adjY(
			true));
		final Operand<TFloat32> mixed = tf.train.batchMatMul(tf.nn.softmax(scores), v, TFloat32.class);
		final float gamma = weight(name + ".gamma").values()[0];
		return tf.math.add(tf.math.mul(tf.reshape(mixed, tf.shape(x)), tf.constant(gamma)), x);
	}

	/** The shape {@code [n, -1, c]}: one row per position. */
	private Operand<TInt32> rows(final Operand<TInt32> n, final int c) {
		final List<Operand<TInt32>> parts = Arrays.asList(n, tf.constant(new int[] { -1 }), tf.constant(
			new int[] { c }));
		return tf.concat(parts, tf.constant(0));
	}

	/**
	 * @param w PyTorch weight {@code out x in x k x k}
	 * @param norm batch-norm prefix to fold in, or null
	 */
	private Operand<TFloat32> convolve(final Operand<TFloat32> x, final FloatTensor w,
		final float[] bias, final String norm, final int stride, final int shuffle)
	{
		final int out = (int) w.dimension(0);
		final int in = (int) w.dimension(1);
		final int k = (int) w.dimension(2);
		final float[] src = w.values();
		final double[] gain = new double[out];
		final double[] shift = new double[out];
		for (int o = 0; o < out; o++) {
			gain[o] = 1;
			shift[o] = bias[o];
		}
		if (norm != null) {
			final float[] gamma = weight(norm + ".gamma").values();
			final float[] beta = weight(norm + ".beta").values();
			final float[] mean = weight(norm + ".runningMean").values();
			final float[] var = weight(norm + ".runningVar").values();
			for (int o = 0; o < out; o++) {
				gain[o] = gamma[o] / Math.sqrt(var[o] + (double) EPS);
				shift[o] = (bias[o] - mean[o]) * gain[o] + beta[o];
			}
		}
		final int[] order = shuffleOrder(out, shuffle);
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
		Operand<TFloat32> input = x;
		final String padding;
		if (stride == 1) {
			padding = "SAME";
		}
		else {
			final int p = k / 2;
			input = tf.pad(x, tf.constant(new int[][] { { 0, 0 }, { p, p }, { p, p }, { 0, 0 } }), tf
				.constant(0f));
			padding = "VALID";
		}
		final Operand<TFloat32> filter = tf.constant(Shape.of(k, k, in, out), DataBuffers.of(hwio, true,
			false));
		Operand<TFloat32> y = tf.nn.biasAdd(tf.nn.conv2d(input, filter, Arrays.asList(1L, (long) stride,
			(long) stride, 1L), padding), tf.constant(Shape.of(out), DataBuffers.of(b, true, false)));
		if (shuffle > 1) y = tf.nn.depthToSpace(y, (long) shuffle);
		return y;
	}

	private FloatTensor weight(final String name) {
		final FloatTensor t = weights.get(name);
		if (t == null) throw new IllegalArgumentException("the network has no tensor " + name +
			" that the " + config.preset() + " layout needs");
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
