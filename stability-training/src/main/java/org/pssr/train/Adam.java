package org.pssr.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Adam with decoupled weight decay (AdamW), written over the network's tensors rather than DJL's
 * optimizer so its moments can be checkpointed: a resumed run then takes exactly the steps an
 * uninterrupted one would.
 */
final class Adam {

	static final String DESCRIPTION = "AdamW beta1 0.9, beta2 0.99";
	private static final float BETA1 = 0.9f;
	private static final float BETA2 = 0.99f;
	private static final float EPS = 1e-8f;

	private final Map<String, NDArray> params;
	private final Map<String, NDArray> first = new LinkedHashMap<>();
	private final Map<String, NDArray> second = new LinkedHashMap<>();
	private final double weightDecay;
	private long steps;

	Adam(final Map<String, NDArray> params, final double weightDecay) {
		this.params = params;
		this.weightDecay = weightDecay;
		for (final Map.Entry<String, NDArray> e : params.entrySet()) {
			first.put(e.getKey(), e.getValue().zerosLike());
			second.put(e.getKey(), e.getValue().zerosLike());
		}
	}

	long steps() {
		return steps;
	}

	/**
	 * One update from the gradients of the last backward pass, which it uses up and clears. In place
	 * wherever DJL allows (the gradient becomes the moments' increments; two temporaries per tensor
	 * instead of five): the update is memory-bound, and temporaries of every tensor's size were the
	 * larger half of its cost. With {@code g' = (1 - beta1) g}, the second moment's increment is
	 * {@code (1 - beta2) g^2 = (1 - beta2) / (1 - beta1)^2 g'^2}, and {@code eps sqrt(1 - beta2^t)} on
	 * {@code sqrt(v)} is exactly AdamW's {@code eps} on the bias-corrected {@code sqrt(v^)}.
	 */
	void step(final double lr) {
		steps++;
		final double c1 = 1 - Math.pow(BETA1, steps);
		final double c2 = 1 - Math.pow(BETA2, steps);
		final float rate = (float) (lr * Math.sqrt(c2) / c1);
		final float eps = (float) (EPS * Math.sqrt(c2));
		final float decay = (float) (1 - lr * weightDecay);
		for (final Map.Entry<String, NDArray> e : params.entrySet()) {
			final NDArray w = e.getValue();
			final NDArray m = first.get(e.getKey());
			final NDArray v = second.get(e.getKey());
			try (NDArray g = w.getGradient()) {
				g.muli(1 - BETA1);
				m.muli(BETA1).addi(g);
				g.muli(g).muli((1 - BETA2) / ((1 - BETA1) * (1 - BETA1)));
				v.muli(BETA2).addi(g);
				try (NDArray denominator = v.sqrt(); NDArray step = m.div(denominator.addi(eps))) {
					w.muli(decay).subi(step.muli(rate));
				}
			}
			JniUtils.zeroGrad((PtNDArray) w);
		}
	}

	/** Drops gradients of a step that failed half-way (out of memory). */
	void clearGradients() {
		for (final NDArray w : params.values()) {
			JniUtils.zeroGrad((PtNDArray) w);
		}
	}

	void write(final DataOutputStream out) throws IOException {
		out.writeLong(steps);
		Weights.writeTensors(out, first);
		Weights.writeTensors(out, second);
	}

	void read(final DataInputStream in) throws IOException {
		steps = in.readLong();
		Weights.readTensors(in, first);
		Weights.readTensors(in, second);
	}
}
