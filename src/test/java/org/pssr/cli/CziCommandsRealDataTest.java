package org.pssr.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.czi.CziFile;
import org.pssr.testing.RealData;
import org.pssr.testing.SharedData;

/** {@code pssr info} and {@code pssr convert} on real samples, whose XML ZEN wrote. */
@RealData
class CziCommandsRealDataTest {

	@TempDir
	Path dir;

	private final MainRunner pssr = new MainRunner();

	@Test
	void convertWritesTheRealTimeLapseAsACalibratedHyperstack() throws IOException {
		final Path czi = SharedData.czi("CellDivision_T3_Z5_CH2_X240_Y170.czi");
		final Path tif = dir.resolve("cells.tif");
		assertEquals(0, pssr.run("convert", czi.toString(), tif.toString()), pssr.err);
		final ImagePlus imp = IJ.openImage(tif.toString());
		assertEquals(240, imp.getWidth());
		assertEquals(170, imp.getHeight());
		assertEquals(60.075, imp.getCalibration().frameInterval, 1e-9);
		try (CziFile file = CziFile.open(czi)) {
			assertEquals(file.metadata().zStep(), imp.getCalibration().pixelDepth, 1e-9);
			assertArrayEquals((short[]) CziCommandsTest.pixels(file.readPlane(0, 1, 3, 2)), (short[]) imp
				.getStack().getPixels(imp.getStackIndex(2, 4, 3)));
		}
	}

	@Test
	void convertPicksASceneOfTheRealMosaic() throws IOException {
		final Path czi = SharedData.czi("S3_1Pos_2Mosaic_T2Z3_CH2_sm.czi");
		final Path tif = dir.resolve("scene2.tif");
		assertEquals(0, pssr.run("convert", czi.toString(), tif.toString(), "--scene", "2"), pssr.err);
		final ImagePlus imp = IJ.openImage(tif.toString());
		try (CziFile file = CziFile.open(czi)) {
			assertEquals(file.scene(2).width(), imp.getWidth());
			assertArrayEquals((short[]) CziCommandsTest.pixels(file.readPlane(2, 0, 1, 1)), (short[]) imp
				.getStack().getPixels(imp.getStackIndex(1, 2, 2)));
		}
	}

	@Test
	void infoDescribesTheRealSamples() {
		assertEquals(0, pssr.run("info", SharedData.czi("CellDivision_T3_Z5_CH2_X240_Y170.czi")
			.toString()), pssr.err);
		assertTrue(pssr.out.contains("240 x 170 px, C=2 Z=5 T=3"), pssr.out);
		assertTrue(pssr.out.contains("Pixel size: 0.0905767 x 0.0905767 µm"), pssr.out);
		assertTrue(pssr.out.contains("Time increment: 60.075 s"), pssr.out);
		assertTrue(pssr.out.contains("Channels: LED555, LED470"), pssr.out);

		assertEquals(0, pssr.run("info", SharedData.czi("LSM880_AiryScan.czi").toString()), pssr.err);
		assertTrue(pssr.out.contains("C=8 Z=1 T=1 H=32,"), pssr.out);
		assertTrue(pssr.out.contains("132 of 256 planes present"), pssr.out);

		assertEquals(0, pssr.run("info", SharedData.czi("LLS7_small_JPEGXR-synthetic.czi")
			.toString()), pssr.err);
		assertTrue(pssr.out.contains("Codecs: JPEG XR"), pssr.out);
		assertTrue(pssr.out.contains("not readable here") && pssr.out.contains("Bio-Formats"),
			pssr.out);
	}
}
