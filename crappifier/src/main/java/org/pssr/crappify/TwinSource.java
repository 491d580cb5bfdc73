package org.pssr.crappify;

import java.util.Optional;

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

	/** The recipe the samples were degraded with, recorded in model bundles; empty when unknown. */
	Optional<Degradation> recipe();

	/** What made the samples, in one line for logs and bundles (recipe, draw options, dataset). */
	String describe();
}
