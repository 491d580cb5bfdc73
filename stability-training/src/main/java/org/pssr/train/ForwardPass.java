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

/** One forward pass of a {@link UNet}: the layout's steps computed on DJL NDArrays, in order. */
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
		activation = Bilinear.upsample(activation, step.scale());
	}

	@Override
	public void convolution(final Convolution step) {
		activation = convolve(step, activation);
	}

	@Override
	public void residual(final Residual step) {
		final NDArray y = convolve(step.second(), convolve(step.first(), activation));
		activation = Activation.relu(y.add(activation));
	}

	@Override
	public void attention(final Attention step) {
		final NDArray x = activation;
		final long[] d = x.getShape().getShape();
		final Shape flat = new Shape(d[0], -1, d[2] * d[3]);
		final NDArray q = convolve(step.query(), x).reshape(flat);
		final NDArray k = convolve(step.key(), x).reshape(flat);
		final NDArray v = convolve(step.value(), x).reshape(flat);
		final NDArray beta = q.transpose(0, 2, 1).matMul(k).softmax(1);
		activation = v.matMul(beta).reshape(x.getShape()).mul(weights.get(step.gamma())).add(x);
	}

	@Override
	public void saveSkip() {
		skips.push(activation);
	}

	@Override
	public void concatSkip() {
		activation = activation.concat(skips.pop(), 1);
	}

	@Override
	public void addCentre(final AddCentre step) {
		final int c = step.frame();
		final NDArray centre = input.get(new NDIndex().addAllDim().addSliceDim(c, c + 1));
		activation = activation.add(Bilinear.upsample(centre, step.scale()));
	}

	private NDArray convolve(final Convolution step, final NDArray x) {
		final int p = step.padding();
		final Shape stride = new Shape(step.stride(), step.stride());
		NDArray y = Conv2d.conv2d(x, weights.get(step.weight()), weights.get(step.bias()), stride,
			new Shape(p, p), new Shape(1, 1), 1).singletonOrThrow();
		if (step.norm().isPresent()) y = normalise(step.norm().get(), y);
		if (step.shuffle() > 1) y = UNet.pixelShuffle(y, step.shuffle());
		return step.relu() ? Activation.relu(y) : y;
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
