package org.pssr.train.tensorflow;

import java.util.Arrays;

/**
 * A float tensor as plain Java values, row-major: how tensors cross into and out of the class
 * loader TensorFlow runs in, where no DJL or TensorFlow type of the caller's is known.
 */
public final class FloatTensor {

	private final long[] shape;
	private final float[] values;

	public FloatTensor(final long[] shape, final float[] values) {
		long size = 1;
		for (final long d : shape)
			size *= d;
		if (size != values.length) throw new IllegalArgumentException("shape " + Arrays.toString(shape) +
			" holds " + size + " values, not " + values.length);
		this.shape = shape.clone();
		this.values = values;
	}

	public long[] shape() {
		return shape.clone();
	}

	public long dimension(final int axis) {
		return shape[axis];
	}

	/** The values themselves, not a copy. */
	public float[] values() {
		return values;
	}
}
