package org.pssr.train;

import ai.djl.ndarray.NDArray;

/**
 * The twin loss of the stability method: {@code L1(Y1,T) + L1(Y2,T) + w L1(Y1,Y2)}, where {@code Yi}
 * is the network's output for the i-th degradation of the same scene. {@code w = 0} trains the plain
 * model; the last term penalises outputs that follow the noise, which is what flickers in movies.
 */
public final class StabilityLoss {

	private final float weight;

	public StabilityLoss(final double weight) {
		if (!(weight >= 0 && weight <= 100)) throw new IllegalArgumentException("stability weight must be 0 to 100, not " +
			weight);
		this.weight = (float) weight;
	}

	public double weight() {
		return weight;
	}

	public NDArray compute(final NDArray y1, final NDArray y2, final NDArray target) {
		final NDArray fidelity = l1(y1, target).add(l1(y2, target));
		return weight == 0 ? fidelity : fidelity.add(l1(y1, y2).mul(weight));
	}

	static NDArray l1(final NDArray a, final NDArray b) {
		return a.sub(b).abs().mean();
	}
}
