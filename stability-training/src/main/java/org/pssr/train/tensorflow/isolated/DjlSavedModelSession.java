package org.pssr.train.tensorflow.isolated;

import java.nio.FloatBuffer;
import java.nio.file.Path;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.util.PairList;

import org.pssr.train.tensorflow.FloatTensor;
import org.pssr.train.tensorflow.SavedModelSession;

/** A SavedModel loaded by DJL's TensorFlow engine, with one input and one output. */
final class DjlSavedModelSession implements SavedModelSession {

	private final ZooModel<NDList, NDList> model;
	private final Predictor<NDList, NDList> predictor;
	private final long[] inputShape;

	DjlSavedModelSession(final ZooModel<NDList, NDList> model, final Path folder) {
		this.model = model;
		try {
			final PairList<String, Shape> inputs = model.describeInput();
			if (inputs == null || inputs.size() != 1) throw new IllegalArgumentException(folder +
				": a super-resolution model takes one input tensor, this one takes " + (inputs == null ? 0
					: inputs.size()));
			this.inputShape = inputs.get(0).getValue().getShape();
			this.predictor = model.newPredictor();
		}
		catch (final RuntimeException e) {
			model.close();
			throw e;
		}
	}

	@Override
	public long[] inputShape() {
		return inputShape.clone();
	}

	@Override
	public FloatTensor predict(final FloatTensor input) {
		return DjlTensorFlow.unchecked(() -> OwnLoader.call(() -> {
			try (NDManager sub = model.getNDManager().newSubManager()) {
				final NDArray x = sub.create(FloatBuffer.wrap(input.values()), new Shape(input.shape()));
				final NDArray y = predictor.predict(new NDList(x)).singletonOrThrow();
				return new FloatTensor(y.getShape().getShape(), y.toFloatArray());
			}
		}));
	}

	@Override
	public void close() {
		predictor.close();
		model.close();
	}
}
