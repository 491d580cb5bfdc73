package org.pssr.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.Calibration;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.czi.CziFeature;
import org.pssr.czi.CziFeatureFiles;
import org.pssr.czi.CziFile;
import org.pssr.czi.CziPixelType;
import org.pssr.bench.czi.CziWriter;

/**
 * {@code pssr info} and {@code pssr convert} on CZI files the test writes; {@link
 * CziCommandsRealDataTest} runs them on real samples.
 */
class CziCommandsTest {

	/** Where the commands write: nothing else is there. */
	@TempDir
	Path dir;

	@TempDir
	Path inputs;

	private final MainRunner pssr = new MainRunner();

	static Object pixels(final ArrayImg<?, ?> img) {
		return ((ArrayDataAccess<?>) img.update(null)).getCurrentStorageArray();
	}

	@Test
	void convertWritesACalibratedHyperstackWithTheFilesPixels() throws IOException {
		final CziFeature cells = CziFeatureFiles.calibratedTimeLapse(inputs);
		final Path tif = dir.resolve("cells.tif");
		assertEquals(0, pssr.run("convert", cells.file().toString(), tif.toString()), pssr.err);
		assertTrue(pssr.out.contains("C=2 Z=5 T=3"), pssr.out);
		final ImagePlus imp = IJ.openImage(tif.toString());
		assertEquals(cells.width(), imp.getWidth());
		assertEquals(cells.height(), imp.getHeight());
		assertEquals(2, imp.getNChannels());
		assertEquals(5, imp.getNSlices());
		assertEquals(3, imp.getNFrames());
		assertEquals(16, imp.getBitDepth());
		final Calibration cal = imp.getCalibration();
		assertTrue(cal.getUnit().equals("micron") || cal.getUnit().equals("µm"), cal.getUnit());
		try (CziFile file = CziFile.open(cells.file())) {
			assertEquals(file.metadata().pixelWidth(), cal.pixelWidth, 1e-9);
			assertEquals(file.metadata().zStep(), cal.pixelDepth, 1e-9);
			assertEquals(cells.timeIncrement(), cal.frameInterval, 1e-9);
			assertArrayEquals((short[]) pixels(file.readPlane(0, 1, 3, 2)), (short[]) imp.getStack()
				.getPixels(imp.getStackIndex(2, 4, 3)));
		}
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(1, files.count(), "no temporary file is left");
		}
	}

	@Test
	void convertPicksTheSceneAsked() throws IOException {
		final Path czi = CziFeatureFiles.scenesWithMosaics(inputs).file();
		final Path tif = dir.resolve("scene2.tif");
		assertEquals(0, pssr.run("convert", czi.toString(), tif.toString(), "--scene", "2"), pssr.err);
		final ImagePlus imp = IJ.openImage(tif.toString());
		try (CziFile file = CziFile.open(czi)) {
			assertEquals(file.scene(2).width(), imp.getWidth());
			assertEquals(file.scene(2).height(), imp.getHeight());
			assertArrayEquals((short[]) pixels(file.readPlane(2, 0, 1, 1)), (short[]) imp.getStack()
				.getPixels(imp.getStackIndex(1, 2, 2)));
		}
		final Path none = dir.resolve("none.tif");
		assertEquals(2, pssr.run("convert", czi.toString(), none.toString(), "--scene", "3"));
		assertTrue(pssr.err.contains("scene 3 does not exist"), pssr.err);
		assertFalse(Files.exists(none));
	}

	@Test
	void convertWritesColourAsRgb() throws IOException {
		final CziFeature rgb = CziFeatureFiles.bgr24(inputs);
		final Path tif = dir.resolve("rgb.tif");
		assertEquals(0, pssr.run("convert", rgb.file().toString(), tif.toString()), pssr.err);
		final ImagePlus imp = IJ.openImage(tif.toString());
		assertEquals(24, imp.getBitDepth());
		assertEquals(rgb.width(), imp.getWidth());
		try (CziFile file = CziFile.open(rgb.file())) {
			final byte[] planar = (byte[]) pixels(file.readPlane(0, 0, 0, 0));
			final int area = (int) (rgb.width() * rgb.height());
			final int[] pixels = (int[]) imp.getProcessor().getPixels();
			for (int i = 0; i < area; i++) {
				final int expected = (planar[i] & 0xff) << 16 | (planar[area + i] & 0xff) << 8 |
					planar[2 * area + i] & 0xff;
				assertEquals(expected, pixels[i] & 0xffffff, "pixel " + i);
			}
		}
	}

	@Test
	void convertRefusesJpegXrAndWritesNothing() throws IOException {
		final Path tif = dir.resolve("jxr.tif");
		assertEquals(2, pssr.run("convert", CziFeatureFiles.jpegXr(inputs).file().toString(), tif
			.toString()));
		assertTrue(pssr.err.contains("JPEG XR") && pssr.err.contains("Bio-Formats"), pssr.err);
		// the Jazzer agent, when an earlier test loaded it into this JVM, logs to stderr too
		assertEquals(1, pssr.err.lines().filter(l -> l.startsWith("pssr:")).count(), "one line: " +
			pssr.err);
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(0, files.count());
		}
	}

	@Test
	void convertWarnsAboutLettersItDoesNotWrite() throws IOException {
		final Path tif = dir.resolve("airy.tif");
		assertEquals(0, pssr.run("convert", CziFeatureFiles.sparseGrid(inputs).file().toString(), tif
			.toString()), pssr.err);
		assertTrue(pssr.out.contains("H=32") && pssr.out.contains("only index 0"), pssr.out);
		assertEquals("", pssr.err, "a warning is no failure: standard error stays empty");
		assertEquals(8, IJ.openImage(tif.toString()).getNChannels());
	}

	@Test
	void convertWritesMissingPlanesOfASparseFileAsZerosAndSaysSo() throws IOException {
		final Path czi = inputs.resolve("sparse.czi");
		final byte[] plane = new byte[] { 5, 6, 7, 8 };
		new CziWriter(CziPixelType.GRAY8).tile(CziWriter.Codec.UNCOMPRESSED, plane, 0, 0, 2, 2, 'C', 0,
			'T', 0).tile(CziWriter.Codec.UNCOMPRESSED, plane, 0, 0, 2, 2, 'C', 1, 'T', 1).write(czi);
		final Path tif = dir.resolve("sparse.tif");
		assertEquals(0, pssr.run("convert", czi.toString(), tif.toString()), pssr.err);
		assertTrue(pssr.out.contains("2 plane(s) are missing"), pssr.out);
		final ImagePlus imp = IJ.openImage(tif.toString());
		assertEquals(2, imp.getNChannels());
		assertEquals(2, imp.getNFrames());
		assertArrayEquals(plane, (byte[]) imp.getStack().getPixels(imp.getStackIndex(2, 1, 2)));
		assertArrayEquals(new byte[4], (byte[]) imp.getStack().getPixels(imp.getStackIndex(2, 1, 1)));
	}

	@Test
	void badFilesAreBadInput() throws IOException {
		final Path garbage = dir.resolve("garbage.czi");
		Files.write(garbage, "this is not a czi file, just text".getBytes(StandardCharsets.US_ASCII));
		assertEquals(2, pssr.run("convert", garbage.toString(), dir.resolve("g.tif").toString()));
		assertTrue(pssr.err.contains("garbage.czi") && pssr.err.contains("ZISRAWFILE"), pssr.err);
		assertEquals(2, pssr.run("info", garbage.toString()));
		assertEquals(2, pssr.run("info", dir.resolve("missing.czi").toString()));
		final Path czi = CziFeatureFiles.smallest(inputs).file();
		assertEquals(2, pssr.run("convert", czi.toString(), garbage.resolve("x.tif").toString()));
		assertTrue(pssr.err.contains("is a file, not a folder"), pssr.err);
		final Path copy = dir.resolve("copy.czi");
		Files.copy(czi, copy);
		assertEquals(2, pssr.run("convert", copy.toString(), copy.toString()));
		assertTrue(pssr.err.contains("is the input file"), pssr.err);
		assertArrayEquals(Files.readAllBytes(czi), Files.readAllBytes(copy));
		assertFalse(Files.exists(dir.resolve("g.tif")));
	}

	@Test
	void infoPrintsDimensionsCodecsCalibrationAndChannels() throws IOException {
		assertEquals(0, pssr.run("info", CziFeatureFiles.calibratedTimeLapse(inputs).file().toString()),
			pssr.err);
		final String out = pssr.out;
		assertTrue(out.contains("24 x 17 px, C=2 Z=5 T=3"), out);
		assertTrue(out.contains("GRAY16"), out);
		assertTrue(out.contains("Codecs: uncompressed"), out);
		assertTrue(out.contains("Pixel size: 0.0905767 x 0.0905767 µm"), out);
		assertTrue(out.contains("Z step 0.32"), out);
		assertTrue(out.contains("Time increment: 60.075 s"), out);
		assertFalse(out.contains("B=1"), "letters with one plane are not worth a mention: " + out);
		assertTrue(out.contains("Time stamps: 3"), out);
		assertTrue(out.contains("Channels: LED555, LED470"), out);

		assertEquals(0, pssr.run("info", CziFeatureFiles.sparseGrid(inputs).file().toString()),
			pssr.err);
		assertTrue(pssr.out.contains("C=8 Z=1 T=1 H=32,"), pssr.out);
		assertTrue(pssr.out.contains("132 of 256 planes present"), pssr.out);

		assertEquals(0, pssr.run("info", CziFeatureFiles.timeLapseZstd1HiLo(inputs).file().toString()));
		assertTrue(pssr.out.contains("Codecs: zstd1") && pssr.out.contains("Pixel size: uncalibrated"),
			pssr.out);
	}

	@Test
	void infoSaysWhyAJpegXrFileCannotBeRead() throws IOException {
		assertEquals(0, pssr.run("info", CziFeatureFiles.jpegXr(inputs).file().toString()), pssr.err);
		assertTrue(pssr.out.contains("Codecs: JPEG XR"), pssr.out);
		assertTrue(pssr.out.contains("not readable here") && pssr.out.contains("Bio-Formats"),
			pssr.out);
	}

	@Test
	void bothCommandsHaveHelp() {
		assertEquals(0, pssr.run("info", "--help"));
		assertTrue(pssr.out.contains("Zeiss CZI") && pssr.out.contains("super-resolved TIFF"), pssr.out);
		assertEquals(0, pssr.run("convert", "--help"));
		assertTrue(pssr.out.contains("--scene"), pssr.out);
	}
}
