package org.pssr.train.tensorflow;

/**
 * TensorFlow itself failed on a model (a graph it cannot build or run); thrown in place of the
 * library's own exceptions, whose classes only the isolated class loader knows.
 */
public final class TensorFlowFailure extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	public TensorFlowFailure(final String message, final Throwable cause) {
		super(message, cause);
	}
}
