package org.pssr.train.infer;

/** Noise added to a normalised input frame before the network sees it. */
@FunctionalInterface
public interface InputNoise {

	InputNoise NONE = (frame, t) -> {};

	/**
	 * @param frame normalised values of frame {@code t}, changed in place
	 * @param t the frame's index in the movie, so that a frame is perturbed alike in every window
	 */
	void perturb(float[] frame, int t);
}
