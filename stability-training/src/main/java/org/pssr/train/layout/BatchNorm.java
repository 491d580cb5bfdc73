package org.pssr.train.layout;

import java.util.List;

/**
 * Batch normalisation of a convolution's output channels: learned scale {@code gamma} and shift
 * {@code beta}, and the running statistics that inference normalises with.
 */
public final class BatchNorm {

	/** PyTorch's default, as in the Python reference. */
	private static final float EPSILON = 1e-5f;
	/** PyTorch's default momentum 0.1, in DJL's terms. */
	private static final float MOMENTUM = 0.9f;

	private final int channels;
	private final Tensor gamma;
	private final Tensor beta;
	private final Tensor runningMean;
	private final Tensor runningVar;

	BatchNorm(final String name, final int channels) {
		this.channels = channels;
		gamma = Tensor.trainable(name + ".gamma", Initialisation.constant(1), channels);
		beta = Tensor.trainable(name + ".beta", Initialisation.constant(0), channels);
		runningMean = Tensor.buffer(name + ".runningMean", 0, channels);
		runningVar = Tensor.buffer(name + ".runningVar", 1, channels);
	}

	public String gamma() {
		return gamma.name();
	}

	public String beta() {
		return beta.name();
	}

	public String runningMean() {
		return runningMean.name();
	}

	public String runningVar() {
		return runningVar.name();
	}

	/** Added to the variance before its square root. */
	public float epsilon() {
		return EPSILON;
	}

	/** Share of the running statistics kept at each training step (DJL's meaning of momentum). */
	public float momentum() {
		return MOMENTUM;
	}

	List<Tensor> tensors() {
		return List.of(gamma, beta, runningMean, runningVar);
	}

	/** @param area pixels normalised per HR output pixel */
	double flopsPerHrPixel(final double area) {
		return 4.0 * channels * area;
	}
}
