package org.pssr.crappify.io;

import java.io.IOException;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Receives a movie frame by frame, so that nothing upstream has to hold the whole movie. A writer
 * that is closed after all frames commits its output; one that is aborted leaves nothing behind.
 */
public interface MovieWriter extends AutoCloseable {

	void write(RandomAccessibleInterval<? extends RealType<?>> frame) throws IOException;

	/** Removes whatever was written so far; safe to call after a failure and more than once. */
	void abort();

	/** Commits the output; fails if fewer frames than announced were written. */
	@Override
	void close() throws IOException;
}
