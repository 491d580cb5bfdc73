package org.pssr.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;

/**
 * Two TIFF movies with the same planes, bit for bit, and the same dimensions, type and
 * calibration: what "the movie of one run" means once each file also records how and when it was
 * made (its Info), which differs between any two runs.
 */
public final class SameMovie {

	private SameMovie() {}

	public static void assertSameMovie(final Path expected, final Path actual) {
		final ImagePlus e = IJ.openImage(expected.toString());
		final ImagePlus a = IJ.openImage(actual.toString());
		final String what = actual + " vs " + expected;
		assertArrayEquals(e.getDimensions(), a.getDimensions(), what);
		assertEquals(e.getBitDepth(), a.getBitDepth(), what);
		final Calibration ec = e.getCalibration();
		final Calibration ac = a.getCalibration();
		assertEquals(ec.pixelWidth, ac.pixelWidth, 0, what);
		assertEquals(ec.pixelHeight, ac.pixelHeight, 0, what);
		assertEquals(ec.frameInterval, ac.frameInterval, 0, what);
		assertEquals(ec.getUnit(), ac.getUnit(), what);
		final ImageStack es = e.getStack();
		final ImageStack as = a.getStack();
		for (int i = 1; i <= es.size(); i++) {
			final Object ep = es.getPixels(i);
			final Object ap = as.getPixels(i);
			if (ep instanceof float[]) assertArrayEquals((float[]) ep, (float[]) ap, what + ", plane " + i);
			else if (ep instanceof short[]) assertArrayEquals((short[]) ep, (short[]) ap, what + ", plane " + i);
			else assertArrayEquals((byte[]) ep, (byte[]) ap, what + ", plane " + i);
		}
	}
}
