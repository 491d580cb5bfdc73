package org.pssr.imagej;

import ij.ImagePlus;

import org.pssr.crappify.Calibration;

/** Movie calibration into ImageJ's: µm and seconds where known, pixels and frames otherwise. */
final class ImageCalibrations {

	private ImageCalibrations() {}

	static void apply(final Calibration calibration, final ImagePlus image) {
		final ij.measure.Calibration cal = image.getCalibration();
		if (calibration.hasPixelSize()) {
			cal.pixelWidth = calibration.pixelWidth();
			cal.pixelHeight = calibration.pixelHeight();
			cal.setUnit("micron");
		}
		if (calibration.hasFrameInterval()) {
			cal.frameInterval = calibration.frameInterval();
			cal.setTimeUnit("sec");
		}
	}
}
