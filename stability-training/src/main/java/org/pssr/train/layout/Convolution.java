package org.pssr.train.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A 2-d convolution with bias, padded by {@code k / 2} on every side, then optionally, in this
 * order: batch norm, pixel shuffle, ReLU.
 */
public final class Convolution implements Step {

	private final int in;
	private final int out;
	private final int kernel;
	private final int stride;
	private final int shuffle;
	private final double area;
	private final Tensor weight;
	private final Tensor bias;
	private final BatchNorm norm;
	private final boolean relu;

	/**
	 * @param out channels after the pixel shuffle
	 * @param area output pixels of the convolution per HR output pixel
	 * @param gain scale of the He initialisation
	 * @param norm null for none
	 */
	private Convolution(final String name, final int in, final int out, final int kernel,
		final int stride, final int shuffle, final double area, final double gain, final BatchNorm norm,
		final boolean relu)
	{
		this.in = in;
		this.out = out;
		this.kernel = kernel;
		this.stride = stride;
		this.shuffle = shuffle;
		this.area = area;
		this.norm = norm;
		this.relu = relu;
		final double std = gain * Math.sqrt(2.0 / (in * kernel * kernel));
		weight = Tensor.trainable(name + ".weight", Initialisation.icnr(std, shuffle), outputs(), in,
			kernel, kernel);
		bias = Tensor.trainable(name + ".bias", Initialisation.constant(0), outputs());
	}

	/** Convolution ({@code name.conv}) and batch norm ({@code name.bn}), He-initialised. */
	static Convolution normalised(final String name, final int in, final int out, final int kernel,
		final int stride, final double area, final boolean relu)
	{
		return new Convolution(name + ".conv", in, out, kernel, stride, 1, area, 1, new BatchNorm(name +
			".bn", out), relu);
	}

	/**
	 * Convolution {@code name} of stride 1, ICNR-initialised when {@code shuffle > 1}.
	 *
	 * @param gain scale of the He initialisation: small for the head, so training starts near the
	 *          bilinear baseline
	 */
	static Convolution plain(final String name, final int in, final int out, final int kernel,
		final int shuffle, final double area, final double gain, final boolean relu)
	{
		return new Convolution(name, in, out, kernel, 1, shuffle, area, gain, null, relu);
	}

	/** Name of the weight, {@code outputs x in x kernel x kernel}. */
	public String weight() {
		return weight.name();
	}

	/** Name of the bias, one per output of the convolution. */
	public String bias() {
		return bias.name();
	}

	public int in() {
		return in;
	}

	/** Channels the convolution computes: the shuffled output's channels times their sub-pixels. */
	public int outputs() {
		return out * shuffle * shuffle;
	}

	public int kernel() {
		return kernel;
	}

	public int stride() {
		return stride;
	}

	/** Zeros added on each side; PyTorch's symmetric padding even where the stride is 2. */
	public int padding() {
		return kernel / 2;
	}

	/** Pixel-shuffle factor; 1 for none. */
	public int shuffle() {
		return shuffle;
	}

	public Optional<BatchNorm> norm() {
		return Optional.ofNullable(norm);
	}

	public boolean relu() {
		return relu;
	}

	@Override
	public void accept(final Interpreter interpreter) {
		interpreter.convolution(this);
	}

	@Override
	public List<Tensor> tensors() {
		final List<Tensor> all = new ArrayList<>(List.of(weight, bias));
		if (norm != null) all.addAll(norm.tensors());
		return all;
	}

	@Override
	public double flopsPerHrPixel(final int hrTile) {
		final double convolution = 2.0 * kernel * kernel * in * out * shuffle * shuffle * area;
		return norm == null ? convolution : convolution + norm.flopsPerHrPixel(area);
	}
}
