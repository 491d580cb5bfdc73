package org.pssr.train.layout;

/**
 * What a network built from a {@link UNetLayout} does at each kind of step: one implementation
 * computes it (PyTorch through DJL), another writes it as a TensorFlow graph. Steps come in forward
 * order; each acts on the current activation, which starts as the input frames.
 */
public interface Interpreter {

	void upsampleInput(UpsampleInput step);

	void convolution(Convolution step);

	void residual(Residual step);

	void attention(Attention step);

	/** Keeps the current activation for the {@link #concatSkip} that pairs with this one. */
	void saveSkip();

	/**
	 * Concatenates the activation kept by the latest unpaired {@link #saveSkip} after the current
	 * one's channels.
	 */
	void concatSkip();

	void addCentre(AddCentre step);
}
