package org.pssr.train.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.pssr.train.UNetConfig;

/**
 * The PSSR network of a {@link UNetConfig}, described once, as the ordered steps that the PyTorch
 * network and the TensorFlow export both interpret: residual encoder, down-steps by strided
 * convolution, optional self-attention at the bottleneck, decoder up-steps by pixel shuffle (DJL's
 * PyTorch engine has no transposed convolution) with skip connections, and the bilinear centre
 * frame added to the output.
 *
 * <p>
 * The order of the steps is the order of the forward pass and of tensor creation. Checkpoints and
 * bundles store tensors by name in that order, and a seed draws initial values in it: a change
 * here is a change of format, and of what training with a given seed gives.
 */
public final class UNetLayout {

	private final List<Step> steps;

	private UNetLayout(final List<Step> steps) {
		this.steps = Collections.unmodifiableList(steps);
	}

	public static UNetLayout of(final UNetConfig config) {
		final int[] w = config.widths();
		final int depth = config.depth();
		final int scale = config.scale();
		final boolean onLrGrid = config.lowResolution();
		// pixels of the top level per HR output pixel: the FLOP count's unit
		final double top = onLrGrid ? 1.0 / (scale * scale) : 1;
		final List<Step> steps = new ArrayList<>();
		if (!onLrGrid) steps.add(new UpsampleInput(scale));
		steps.add(Convolution.normalised("stem", config.frames(), w[0], 3, 1, top, true));
		for (int l = 0; l < depth; l++) {
			final double area = top / Math.pow(4, l);
			for (int b = 0; b < config.resBlocks(); b++) {
				steps.add(new Residual("enc" + l + ".res" + b, w[l], area));
			}
			steps.add(new SaveSkip());
			steps.add(Convolution.normalised("enc" + l + ".down", w[l], w[l + 1], 3, 2, area / 4,
				true));
		}
		final double bottom = top / Math.pow(4, depth);
		for (int b = 0; b < Math.max(1, config.resBlocks()); b++) {
			steps.add(new Residual("mid.res" + b, w[depth], bottom));
		}
		if (config.attention()) steps.add(new Attention("mid.attn", w[depth], bottom));
		for (int l = depth - 1; l >= 0; l--) {
			final double area = top / Math.pow(4, l);
			steps.add(Convolution.plain("dec" + l + ".shuffle", w[l + 1], w[l], 1, 2, area / 4, 1,
				true));
			steps.add(new ConcatSkip());
			steps.add(Convolution.normalised("dec" + l + ".merge", 2 * w[l], w[l], 3, 1, area,
				true));
		}
		// on the LR grid the head upsamples too, from a 3x3 neighbourhood
		steps.add(Convolution.plain("head", w[0], 1, onLrGrid ? 3 : 1, onLrGrid ? scale : 1, top,
			0.1, false));
		steps.add(new AddCentre(config.frames() / 2, scale));
		return new UNetLayout(steps);
	}

	/** Hands every step to {@code interpreter}, in forward order. */
	public void interpret(final Interpreter interpreter) {
		for (final Step s : steps) {
			s.accept(interpreter);
		}
	}

	/** Every tensor of the network, trainable and buffers, in the order they are created. */
	public List<Tensor> tensors() {
		final List<Tensor> all = new ArrayList<>();
		for (final Step s : steps) {
			all.addAll(s.tensors());
		}
		return all;
	}

	/**
	 * Floating-point operations (multiply and add counted separately) per HR output pixel, for HR
	 * tiles of side {@code hrTile}; only self-attention makes this depend on the tile size.
	 */
	public double flopsPerHrPixel(final int hrTile) {
		double f = 0;
		for (final Step s : steps) {
			f += s.flopsPerHrPixel(hrTile);
		}
		return f;
	}
}
