package org.pssr.crappify;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

/**
 * A single-channel time series, the image currency shared by every component: frames are read on
 * demand so a movie larger than memory can be streamed.
 */
public interface Movie {

	long width();

	long height();

	int frames();

	/** Frame {@code t} as a 2D view in the movie's own intensity units; read or computed on demand. */
	RandomAccessibleInterval<FloatType> frame(int t);

	Calibration calibration();

	/**
	 * Whether the frames are the slices of a Z-stack standing in for time points; training refuses
	 * such a movie unless the user says so.
	 */
	default boolean slicesAsTime() {
		return false;
	}
}
