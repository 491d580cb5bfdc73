package org.pssr.crappify;

/**
 * An indexed collection of twin samples, stored on disk or drawn on the fly from HR movies. Samples
 * are a pure function of (epoch, index): a source drawn on the fly gives fresh noise each epoch, a
 * stored dataset ignores the epoch. Implementations are safe to read from several threads.
 */
public interface TwinSource {

	int size();

	TwinSample get(long epoch, int index);

	/** Frames per tuple (channels of x1 and x2). */
	int frames();

	int scale();

	/** What made the samples (recipe name and parameters), recorded in model bundles. */
	String describe();
}
