package org.pssr.train.tensorflow;

/** A loaded SavedModel with one input and one output tensor; calls are serialised by the caller. */
public interface SavedModelSession extends AutoCloseable {

	/** The input's shape as the model declares it; -1 for a free dimension. */
	long[] inputShape();

	/** The output for one input tensor, both in TensorFlow's layout (NHWC). */
	FloatTensor predict(FloatTensor input);

	@Override
	void close();
}
