package org.pssr.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.pssr.train.layout.Tensor;

/**
 * The named tensors of a network, in a fixed order: trainable parameters and buffers (batch-norm
 * running statistics). Written as plain float arrays with names and shapes, so checkpoints and
 * bundles are exact and independent of DJL's own parameter format.
 */
public final class Weights {

	private static final int MAGIC = 0x50535357; // "PSSW"

	private final Map<String, NDArray> trainable = new LinkedHashMap<>();
	private final Map<String, NDArray> buffers = new LinkedHashMap<>();

	/**
	 * Creates {@code tensors} in order, drawing their initial values from one sequence seeded by
	 * {@code seed}.
	 */
	Weights(final NDManager manager, final List<Tensor> tensors, final long seed) {
		final Random random = new Random(seed);
		for (final Tensor t : tensors) {
			final NDArray a = manager.create(t.initialValues(random), new Shape(t.shape()));
			final Map<String, NDArray> group = t.buffer() ? buffers : trainable;
			if (group.put(t.name(), a) != null) throw new IllegalStateException("duplicate tensor " + t
				.name());
		}
	}

	/** The tensor {@code name}, trainable or buffer. */
	NDArray get(final String name) {
		final NDArray a = trainable.getOrDefault(name, buffers.get(name));
		if (a == null) throw new IllegalArgumentException("the network has no tensor " + name);
		return a;
	}

	public Map<String, NDArray> trainable() {
		return Collections.unmodifiableMap(trainable);
	}

	public Map<String, NDArray> buffers() {
		return Collections.unmodifiableMap(buffers);
	}

	public long parameterCount() {
		long n = 0;
		for (final NDArray a : trainable.values()) {
			n += a.size();
		}
		return n;
	}

	public void write(final DataOutputStream out) throws IOException {
		writeTensors(out, trainable);
		writeTensors(out, buffers);
	}

	/** Reads tensors written by {@link #write}; names and shapes must match this network exactly. */
	public void read(final DataInputStream in) throws IOException {
		readTensors(in, trainable);
		readTensors(in, buffers);
	}

	static void writeTensors(final DataOutputStream out, final Map<String, NDArray> tensors)
		throws IOException
	{
		out.writeInt(MAGIC);
		out.writeInt(tensors.size());
		for (final Map.Entry<String, NDArray> e : tensors.entrySet()) {
			out.writeUTF(e.getKey());
			final long[] shape = e.getValue().getShape().getShape();
			out.writeInt(shape.length);
			for (final long d : shape) {
				out.writeLong(d);
			}
			final float[] v = e.getValue().toFloatArray();
			for (final float f : v) {
				out.writeFloat(f);
			}
		}
	}

	/** Weights that fit the network but hold values no trained network has. */
	static final class Damaged extends IOException {

		private static final long serialVersionUID = 1L;

		Damaged(final String message) {
			super(message);
		}
	}

	static void readTensors(final DataInputStream in, final Map<String, NDArray> tensors)
		throws IOException
	{
		if (in.readInt() != MAGIC) throw new IOException("not a PSSR weights block");
		final int n = in.readInt();
		if (n != tensors.size()) throw new IOException("weights hold " + n + " tensors, the network has " +
			tensors.size());
		for (final Map.Entry<String, NDArray> e : tensors.entrySet()) {
			final String name = in.readUTF();
			if (!name.equals(e.getKey())) throw new IOException("weights tensor '" + name +
				"' found where the network expects '" + e.getKey() + "'");
			final long[] shape = new long[in.readInt()];
			for (int i = 0; i < shape.length; i++) {
				shape[i] = in.readLong();
			}
			final Shape expected = e.getValue().getShape();
			if (!expected.equals(new Shape(shape))) throw new IOException("weights tensor '" + name +
				"' has shape " + new Shape(shape) + ", the network expects " + expected);
			final float[] v = new float[(int) expected.size()];
			for (int i = 0; i < v.length; i++) {
				v[i] = in.readFloat();
			}
			final int bad = SaneValues.firstBad(v);
			if (bad >= 0) throw new Damaged("weights tensor '" + name + "' holds " + SaneValues.describe(
				v[bad]) + " at " + bad + ": the weights are damaged (a trained network holds finite " +
				"values below " + SaneValues.LIMIT + ")");
			e.getValue().set(FloatBuffer.wrap(v));
		}
	}
}
