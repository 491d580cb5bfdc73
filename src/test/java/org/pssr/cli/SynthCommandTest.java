package org.pssr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ImageProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCommandTest {

	@TempDir
	Path dir;

	@Test
	void writesACalibrated16BitTimeSeriesWhoseFramesAreSimilarButNotIdentical() {
		final Path out = dir.resolve("m.tif");
		assertEquals(0, Main.run("synth", out.toString(), "--frames", "6", "--width", "96",
			"--height", "80", "--seed", "3"));
		final ImagePlus imp = IJ.openImage(out.toString());
		assertEquals(16, imp.getBitDepth());
		assertEquals(96, imp.getWidth());
		assertEquals(80, imp.getHeight());
		assertEquals(6, imp.getNFrames());
		assertEquals(1, imp.getNSlices());
		assertEquals("micron", imp.getCalibration().getUnit());
		assertTrue(imp.getCalibration().pixelWidth > 0 && imp.getCalibration().pixelWidth < 1);
		assertTrue(imp.getCalibration().frameInterval > 0);

		final ImageProcessor a = imp.getStack().getProcessor(3);
		final ImageProcessor b = imp.getStack().getProcessor(4);
		final double r = correlation(a, b);
		assertTrue(r > 0.8, "neighbouring frames should be alike, correlation " + r);
		assertTrue(r < 0.999, "neighbouring frames must not be identical, correlation " + r);
		final double far = correlation(imp.getStack().getProcessor(1), imp.getStack().getProcessor(
			6));
		assertTrue(far < r, "frames further apart should differ more");
	}

	@Test
	void sameSeedSameBytesOtherSeedOtherMovie() throws Exception {
		final Path a = dir.resolve("a.tif"), b = dir.resolve("b.tif"), c = dir.resolve("c.tif");
		Main.run("synth", a.toString(), "--frames", "3", "--width", "32", "--height", "32");
		Main.run("synth", b.toString(), "--frames", "3", "--width", "32", "--height", "32");
		Main.run("synth", c.toString(), "--frames", "3", "--width", "32", "--height", "32",
			"--seed", "2");
		assertTrue(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b)));
		assertFalse(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)));
	}

	@Test
	void badSizeIsAUsageErrorAndWritesNothing() {
		final Path out = dir.resolve("tiny.tif");
		assertEquals(ExitCodes.USAGE, Main.run("synth", out.toString(), "--width", "2"));
		assertFalse(Files.exists(out));
	}

	private static double correlation(final ImageProcessor a, final ImageProcessor b) {
		final int n = a.getPixelCount();
		double ma = 0, mb = 0;
		for (int i = 0; i < n; i++) {
			ma += a.getf(i);
			mb += b.getf(i);
		}
		ma /= n;
		mb /= n;
		double sab = 0, saa = 0, sbb = 0;
		for (int i = 0; i < n; i++) {
			final double da = a.getf(i) - ma, db = b.getf(i) - mb;
			sab += da * db;
			saa += da * da;
			sbb += db * db;
		}
		return sab / Math.sqrt(saa * sbb);
	}
}
