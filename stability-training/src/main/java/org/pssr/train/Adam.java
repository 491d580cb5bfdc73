package org.pssr.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;

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

	/** One update from the gradients of the last backward pass, which it then clears. */
	void step(final double lr) {
		steps++;
		final double c1 = 1 - Math.pow(BETA1, steps);
		final double c2 = 1 - Math.pow(BETA2, steps);
		for (final Map.Entry<String, NDArray> e : params.entrySet()) {
			final NDArray w = e.getValue();
			final NDArray m = first.get(e.getKey());
			final NDArray v = second.get(e.getKey());
			try (NDArray g = w.getGradient()) {
				try (NDArray a = g.mul(1 - BETA1); NDArray b = g.square()) {
					m.muli(BETA1).addi(a);
					v.muli(BETA2).addi(b.muli(1 - BETA2));
				}
				try (NDArray scaled = v.div((float) c2); NDArray denom = scaled.sqrt().addi(EPS);
					NDArray update = m.div(denom)) {
					w.muli((float) (1 - lr * weightDecay)).subi(update.muli((float) (lr / c1)));
				}
				g.subi(g);
			}
		}
	}

	/** Drops gradients of a step that failed half-way (out of memory). */
	void clearGradients() {
		for (final NDArray w : params.values()) {
			try (NDArray g = w.getGradient()) {
				g.subi(g);
			}
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
