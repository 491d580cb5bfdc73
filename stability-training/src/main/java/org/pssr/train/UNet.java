package org.pssr.train;

import java.util.ArrayList;
import java.util.List;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;

/**
 * The PSSR network on DJL NDArrays: {@code frames} LR frames in as channels, one HR frame out.
 * Residual encoder, down-steps by strided convolution, decoder up-steps by ICNR-initialised pixel
 * shuffle (DJL's PyTorch engine has no transposed convolution), skip connections, optional
 * self-attention at the bottleneck. The output is added to the bilinear upsampling of the centre
 * frame, so an untrained network starts from the classic baseline.
 *
 * <p>
 * Written on raw tensors rather than DJL blocks so the trainer owns every tensor: checkpoints hold
 * exactly what determines the next step. {@link #forward} may be called from several threads in
 * inference mode; training mode updates the batch-norm statistics and needs one thread.
 */
public final class UNet implements AutoCloseable {

	private final UNetConfig config;
	private final NDManager manager;
	private final Weights weights;
	private final double[] flops = new double[1];
	private final List<Attention> attentions = new ArrayList<>();
	private final ConvBn stem;
	private final List<List<Residual>> encoder = new ArrayList<>();
	private final List<ConvBn> down = new ArrayList<>();
	private final List<Residual> bottleneck = new ArrayList<>();
	private final Attention attention;
	private final List<Conv> up = new ArrayList<>();
	private final List<ConvBn> merge = new ArrayList<>();
	private final Conv head;

	public UNet(final UNetConfig config, final Device device, final long seed) {
		this.config = config;
		this.manager = Engines.pytorch().newBaseManager(device);
		this.weights = new Weights(manager, seed);
		final int[] w = config.widths();
		final int depth = config.depth();
		final double top = config.lowResolution() ? 1.0 / (config.scale() * config.scale()) : 1;
		stem = new ConvBn("stem", config.frames(), w[0], 3, 1, top);
		for (int l = 0; l < depth; l++) {
			final double area = top / Math.pow(4, l);
			final List<Residual> blocks = new ArrayList<>();
			for (int b = 0; b < config.resBlocks(); b++) {
				blocks.add(new Residual("enc" + l + ".res" + b, w[l], area));
			}
			encoder.add(blocks);
			down.add(new ConvBn("enc" + l + ".down", w[l], w[l + 1], 3, 2, area / 4));
		}
		final double bottom = top / Math.pow(4, depth);
		for (int b = 0; b < Math.max(1, config.resBlocks()); b++) {
			bottleneck.add(new Residual("mid.res" + b, w[depth], bottom));
		}
		attention = config.attention() ? new Attention("mid.attn", w[depth], bottom) : null;
		for (int l = depth - 1; l >= 0; l--) {
			final double area = top / Math.pow(4, l);
			up.add(new Conv("dec" + l + ".shuffle", w[l + 1], w[l], 1, 1, 2, area / 4, 1));
			merge.add(new ConvBn("dec" + l + ".merge", 2 * w[l], w[l], 3, 1, area));
		}
		head = config.lowResolution() ? new Conv("head", w[0], 1, 3, 1, config.scale(), top, 0.1)
			: new Conv("head", w[0], 1, 1, 1, 1, 1, 0.1);
	}

	public UNetConfig config() {
		return config;
	}

	public Weights weights() {
		return weights;
	}

	public NDManager manager() {
		return manager;
	}

	public long parameterCount() {
		return weights.parameterCount();
	}

	/**
	 * Floating-point operations (multiply and add counted separately) per HR output pixel, for HR
	 * tiles of side {@code hrTile}; only self-attention makes this depend on the tile size.
	 */
	public double flopsPerHrPixel(final int hrTile) {
		double f = flops[0];
		for (final Attention a : attentions) {
			f += a.quadraticFlopsPerHrPixel(hrTile);
		}
		return f;
	}

	/**
	 * @param lr {@code n x frames x h x w}, normalised
	 * @return {@code n x 1 x (h * scale) x (w * scale)}
	 */
	public NDArray forward(final NDArray lr, final boolean training) {
		final int s = config.scale();
		final int c = config.frames() / 2;
		final NDArray centre = Bilinear.upsample(lr.get(new NDIndex(":, " + c + ":" + (c + 1))), s);
		NDArray a = stem.forward(config.lowResolution() ? lr : Bilinear.upsample(lr, s), training);
		final List<NDArray> skips = new ArrayList<>();
		for (int l = 0; l < config.depth(); l++) {
			for (final Residual r : encoder.get(l)) {
				a = r.forward(a, training);
			}
			skips.add(a);
			a = down.get(l).forward(a, training);
		}
		for (final Residual r : bottleneck) {
			a = r.forward(a, training);
		}
		if (attention != null) a = attention.forward(a);
		for (int i = 0; i < up.size(); i++) {
			final NDArray skip = skips.get(config.depth() - 1 - i);
			a = Activation.relu(up.get(i).forward(a));
			a = merge.get(i).forward(a.concat(skip, 1), training);
		}
		return head.forward(a).add(centre);
	}

	@Override
	public void close() {
		manager.close();
	}

	/** Rearranges {@code n x (c s s) x h x w} to {@code n x c x (h s) x (w s)}. */
	static NDArray pixelShuffle(final NDArray x, final int s) {
		final long[] d = x.getShape().getShape();
		final long c = d[1] / (s * s);
		return x.reshape(new Shape(d[0], c, s, s, d[2], d[3])).transpose(0, 1, 4, 2, 5, 3).reshape(
			new Shape(d[0], c, d[2] * s, d[3] * s));
	}

	/** A convolution with bias, optionally followed by pixel shuffle. */
	private final class Conv {

		private final NDArray weight;
		private final NDArray bias;
		private final int shuffle;
		private final Shape strides;
		private final Shape padding;

		/**
		 * @param shuffle pixel-shuffle factor after the convolution (1: none); the weights are then
		 *          ICNR-initialised so the shuffled output starts free of checkerboard artefacts
		 * @param area output pixels of the convolution per HR output pixel
		 * @param gain scale of the He initialisation (small for the head, so training starts near the
		 *          bilinear baseline)
		 */
		Conv(final String name, final int in, final int out, final int k, final int stride,
			final int shuffle, final double area, final double gain)
		{
			final int subs = shuffle * shuffle;
			final double std = gain * Math.sqrt(2.0 / (in * k * k));
			if (subs == 1) {
				weight = weights.normal(name + ".weight", std, out, in, k, k);
			}
			else {
				final int per = in * k * k;
				final float[] v = new float[out * subs * per];
				for (int o = 0; o < out; o++) {
					for (int i = 0; i < per; i++) {
						final float g = (float) (weights.random().nextGaussian() * std);
						for (int sub = 0; sub < subs; sub++) {
							v[(o * subs + sub) * per + i] = g;
						}
					}
				}
				weight = weights.values(name + ".weight", v, (long) out * subs, in, k, k);
			}
			bias = weights.constant(name + ".bias", 0, (long) out * subs);
			this.shuffle = shuffle;
			strides = new Shape(stride, stride);
			padding = new Shape(k / 2, k / 2);
			flops[0] += 2.0 * k * k * in * out * subs * area;
		}

		NDArray forward(final NDArray x) {
			final NDArray y = Conv2d.conv2d(x, weight, bias, strides, padding, new Shape(1, 1), 1)
				.singletonOrThrow();
			return shuffle == 1 ? y : pixelShuffle(y, shuffle);
		}
	}

	private final class Norm {

		private final NDArray gamma;
		private final NDArray beta;
		private final NDArray mean;
		private final NDArray var;

		Norm(final String name, final int c, final double area) {
			gamma = weights.constant(name + ".gamma", 1, c);
			beta = weights.constant(name + ".beta", 0, c);
			mean = weights.buffer(name + ".runningMean", 0, c);
			var = weights.buffer(name + ".runningVar", 1, c);
			flops[0] += 4.0 * c * area;
		}

		NDArray forward(final NDArray x, final boolean training) {
			return BatchNorm.batchNorm(x, mean, var, gamma, beta, 1, 0.9f, 1e-5f, training)
				.singletonOrThrow();
		}
	}

	/** Convolution, batch norm, ReLU. */
	private final class ConvBn {

		private final Conv conv;
		private final Norm norm;

		ConvBn(final String name, final int in, final int out, final int k, final int stride,
			final double area)
		{
			conv = new Conv(name + ".conv", in, out, k, stride, 1, area, 1);
			norm = new Norm(name + ".bn", out, area);
		}

		NDArray forward(final NDArray x, final boolean training) {
			return Activation.relu(norm.forward(conv.forward(x), training));
		}
	}

	/** Two 3x3 convolutions with batch norm around an identity shortcut (ResNet basic block). */
	private final class Residual {

		private final ConvBn first;
		private final Conv second;
		private final Norm norm;

		Residual(final String name, final int c, final double area) {
			first = new ConvBn(name + ".a", c, c, 3, 1, area);
			second = new Conv(name + ".b.conv", c, c, 3, 1, 1, area, 1);
			norm = new Norm(name + ".b.bn", c, area);
		}

		NDArray forward(final NDArray x, final boolean training) {
			final NDArray y = norm.forward(second.forward(first.forward(x, training)), training);
			return Activation.relu(y.add(x));
		}
	}

	/**
	 * Self-attention over positions (SAGAN, as in fastai's U-Net): {@code x + gamma * h(x) softmax(f(x)^T
	 * g(x))}, with {@code gamma} starting at 0 so the block starts as the identity.
	 */
	private final class Attention {

		private final Conv f;
		private final Conv g;
		private final Conv h;
		private final NDArray gamma;
		private final int channels;
		private final double area;

		Attention(final String name, final int c, final double area) {
			final int k = Math.max(1, c / 8);
			f = new Conv(name + ".query", c, k, 1, 1, 1, area, 1);
			g = new Conv(name + ".key", c, k, 1, 1, 1, area, 1);
			h = new Conv(name + ".value", c, c, 1, 1, 1, area, 1);
			gamma = weights.constant(name + ".gamma", 0, 1);
			channels = c;
			this.area = area;
			attentions.add(this);
		}

		double quadraticFlopsPerHrPixel(final int hrTile) {
			final double n = (double) hrTile * hrTile * area;
			final double k = Math.max(1, channels / 8);
			return (2 * k * n * n + 2 * channels * n * n + 5 * n * n) / ((double) hrTile * hrTile);
		}

		NDArray forward(final NDArray x) {
			final long[] d = x.getShape().getShape();
			final Shape flat = new Shape(d[0], -1, d[2] * d[3]);
			final NDArray q = f.forward(x).reshape(flat);
			final NDArray k = g.forward(x).reshape(flat);
			final NDArray v = h.forward(x).reshape(flat);
			final NDArray beta = q.transpose(0, 2, 1).matMul(k).softmax(1);
			return v.matMul(beta).reshape(x.getShape()).mul(gamma).add(x);
		}
	}
}
