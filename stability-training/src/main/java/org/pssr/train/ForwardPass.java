package org.pssr.train;

import java.util.ArrayDeque;
import java.util.Deque;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;

import org.pssr.train.layout.AddCentre;
import org.pssr.train.layout.Attention;
import org.pssr.train.layout.BatchNorm;
import org.pssr.train.layout.Convolution;
import org.pssr.train.layout.Interpreter;
import org.pssr.train.layout.Residual;
import org.pssr.train.layout.UpsampleInput;

/**
 * One forward pass of a {@link UNet}: the layout's steps computed on DJL NDArrays, in order.
 * <p>
 * Without training, each intermediate array is closed as soon as no later step reads it, as
 * PyTorch frees a tensor when its last reference goes: otherwise every activation of the pass stays
 * in the caller's manager until it closes, and inference holds the whole network's activations at
 * once (the small preset's HR activations of one 64 px tile: hundreds of MB). Training keeps them
 * all: the trainer's manager owns what the backward pass and the checkpoints see.
 */
final class ForwardPass implements Interpreter {

	private final Weights weights;
	private final NDArray input;
	private final boolean training;
	private final Deque<NDArray> skips = new ArrayDeque<>();
	private NDArray activation;

	/** @param training normalise with the batch's statistics and update the running ones */
	ForwardPass(final Weights weights, final NDArray input, final boolean training) {
		this.weights = weights;
		this.input = input;
		this.training = training;
		this.activation = input;
	}

	/** The activation after the last step. */
	NDArray output() {
		return activation;
	}

	@Override
	public void upsampleInput(final UpsampleInput step) {
		advance(Bilinear.upsample(activation, step.scale()));
	}

	@Override
	public void convolution(final Convolution step) {
		advance(convolve(step, activation));
	}

	@Override
	public void residual(final Residual step) {
		final NDArray first = convolve(step.first(), activation);
		final NDArray y = then(first, convolve(step.second(), first));
		final NDArray sum = y.add(activation);
		release(y);
		advance(then(sum, Activation.relu(sum)));
	}

	@Override
	public void attention(final Attention step) {
		final NDArray x = activation;
		final long[] d = x.getShape().getShape();
		final Shape flat = new Shape(d[0], -1, d[2] * d[3]);
		final NDArray q = reshaped(convolve(step.query(), x), flat);
		final NDArray k = reshaped(convolve(step.key(), x), flat);
		final NDArray v = reshaped(convolve(step.value(), x), flat);
		final NDArray qt = q.transpose(0, 2, 1);
		final NDArray scores = qt.matMul(k);
		release(qt);
		release(q);
		release(k);
		final NDArray beta = then(scores, scores.softmax(1));
		final NDArray attended = v.matMul(beta);
		release(v);
		release(beta);
		final NDArray shaped = reshaped(attended, x.getShape());
		final NDArray scaled = then(shaped, shaped.mul(weights.get(step.gamma())));
		advance(then(scaled, scaled.add(x)));
	}

	@Override
	public void saveSkip() {
		skips.push(activation);
	}

	@Override
	public void concatSkip() {
		final NDArray skip = skips.pop();
		final NDArray joined = activation.concat(skip, 1);
		release(skip);
		advance(joined);
	}

	@Override
	public void addCentre(final AddCentre step) {
		final int c = step.frame();
		final NDArray centre = input.get(new NDIndex().addAllDim().addSliceDim(c, c + 1));
		final NDArray upsampled = then(centre, Bilinear.upsample(centre, step.scale()));
		advance(then(upsampled, activation.add(upsampled)));
	}

	private NDArray convolve(final Convolution step, final NDArray x) {
		final int p = step.padding();
		final Shape stride = new Shape(step.stride(), step.stride());
		NDArray y = Conv2d.conv2d(x, weights.get(step.weight()), weights.get(step.bias()), stride,
			new Shape(p, p), new Shape(1, 1), 1).singletonOrThrow();
		if (step.norm().isPresent()) y = then(y, normalise(step.norm().get(), y));
		if (step.shuffle() > 1) y = UNet.pixelShuffle(y, step.shuffle(), this::release);
		return step.relu() ? then(y, Activation.relu(y)) : y;
	}

	private NDArray reshaped(final NDArray x, final Shape shape) {
		return then(x, x.reshape(shape));
	}

	/** Makes {@code next} the activation and lets the one it replaces go. */
	private void advance(final NDArray next) {
		final NDArray previous = activation;
		activation = next;
		if (previous != next) release(previous);
	}

	/** {@code next}, computed from {@code done}, which no step reads again. */
	private NDArray then(final NDArray done, final NDArray next) {
		if (done != next) release(done);
		return next;
	}

	/**
	 * Closes an intermediate without training; never the input, the current activation or a kept
	 * skip. Closing a view only drops its handle: PyTorch frees the storage with its last view.
	 */
	private void release(final NDArray x) {
		if (training || x == input || x == activation) return;
		for (final NDArray skip : skips)
			if (skip == x) return;
		x.close();
	}

	private NDArray normalise(final BatchNorm norm, final NDArray x) {
		final NDArray mean = weights.get(norm.runningMean());
		final NDArray var = weights.get(norm.runningVar());
		final NDArray gamma = weights.get(norm.gamma());
		final NDArray beta = weights.get(norm.beta());
		return ai.djl.nn.norm.BatchNorm.batchNorm(x, mean, var, gamma, beta, 1, norm.momentum(), norm
			.epsilon(), training).singletonOrThrow();
	}
}
