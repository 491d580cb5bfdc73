package org.pssr.train.layout;

import java.util.Random;

/**
 * A named tensor of the network, its shape, and how its initial values are drawn. Trainable
 * tensors are learned by gradient; buffers (batch-norm running statistics) the network updates
 * itself.
 */
public final class Tensor {

	private final String name;
	private final long[] shape;
	private final boolean buffer;
	private final Initialisation initialisation;

	private Tensor(final String name, final long[] shape, final boolean buffer,
		final Initialisation initialisation)
	{
		this.name = name;
		this.shape = shape;
		this.buffer = buffer;
		this.initialisation = initialisation;
	}

	static Tensor trainable(final String name, final Initialisation initialisation,
		final long... shape)
	{
		return new Tensor(name, shape, false, initialisation);
	}

	static Tensor buffer(final String name, final float value, final long... shape) {
		return new Tensor(name, shape, true, Initialisation.constant(value));
	}

	public String name() {
		return name;
	}

	public long[] shape() {
		return shape.clone();
	}

	public boolean buffer() {
		return buffer;
	}

	/** Row-major; takes from {@code random} what the initialisation needs (nothing for constants). */
	public float[] initialValues(final Random random) {
		return initialisation.values(random, shape);
	}
}
