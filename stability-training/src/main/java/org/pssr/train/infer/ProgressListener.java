package org.pssr.train.infer;

/** Told after each output frame; what drives a progress bar or a line of text. */
@FunctionalInterface
public interface ProgressListener {

	ProgressListener NONE = (done, total) -> {};

	void framesDone(int done, int total);
}
