package org.pssr.testing;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ShortProcessor;

/** Small 16-bit time series whose pixel values tell frame and position apart. */
public final class CodedMovies {

	private CodedMovies() {}

	/** Pixel (x, y) of frame t is 100 * t + x + y; calibrated 0.5 µm, 3 s per frame. */
	public static ImagePlus series(final int width, final int height, final int frames) {
		final ImageStack stack = new ImageStack(width, height);
		for (int t = 0; t < frames; t++) {
			final ShortProcessor ip = new ShortProcessor(width, height);
			for (int y = 0; y < height; y++)
				for (int x = 0; x < width; x++)
					ip.set(x, y, 100 * t + x + y);
			stack.addSlice(ip);
		}
		final ImagePlus imp = new ImagePlus("series.tif", stack);
		imp.setDimensions(1, 1, frames);
		imp.getCalibration().pixelWidth = 0.5;
		imp.getCalibration().pixelHeight = 0.5;
		imp.getCalibration().setUnit("micron");
		imp.getCalibration().frameInterval = 3;
		imp.getCalibration().setTimeUnit("sec");
		return imp;
	}
}
