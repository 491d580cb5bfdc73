package org.pssr.train.infer;

import java.io.IOException;

/** Receives the super-resolved frames in order, each as soon as it is computed. */
@FunctionalInterface
public interface FrameSink {

	/** @param frame row-major HR frame in the input movie's intensity units; not kept by the caller */
	void accept(int t, float[] frame) throws IOException;
}
