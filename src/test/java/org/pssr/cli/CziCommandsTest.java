package org.pssr.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.Calibration;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.czi.CziWriter;
import org.pssr.czi.CziFile;

/** {@code pssr info} and {@code pssr convert} on the shared CZI samples. */
class CziCommandsTest {

	@TempDir
	Path dir;

	private String out;
	private String err;

	private static Path sample(final String name) {
		return Paths.get(System.getProperty("pssr.shared", "../shared"), "data", "czi", name);
	}

	private int run(final String... args) {
		final PrintStream stdout = System.out;
		final PrintStream stderr = System.err;
		final ByteArrayOutputStream o = new ByteArrayOutputStream();
		final ByteArrayOutputStream e = new ByteArrayOutputStream();
		try {
			System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
			return Main.run(args);
		}
		finally {
			System.setOut(stdout);
			System.setErr(stderr);
			out = o.toString(StandardCharsets.UTF_8);
			err = e.toString(StandardCharsets.UTF_8);
		}
	}

	private static Object pixels(final ArrayImg<?, ?> img) {
		return ((ArrayDataAccess<?>) img.update(null)).getCurrentStorageArray();
	}

	@Test
	void convertWritesACalibratedHyperstackWithTheFilesPixels() throws IOException {
		final Path czi = sample("CellDivision_T3_Z5_CH2_X240_Y170.czi");
		final Path tif = dir.resolve("cells.tif");
		assertEquals(0, run("convert", czi.toString(), tif.toString()), err);
		assertTrue(out.contains("C=2 Z=5 T=3"), out);
		final ImagePlus imp = IJ.openImage(tif.toString());
		assertEquals(240, imp.getWidth());
		assertEquals(170, imp.getHeight());
		assertEquals(2, imp.getNChannels());
		assertEquals(5, imp.getNSlices());
		assertEquals(3, imp.getNFrames());
		assertEquals(16, imp.getBitDepth());
		final Calibration cal = imp.getCalibration();
		assertTrue(cal.getUnit().equals("micron") || cal.getUnit().equals("µm"), cal.getUnit());
		try (CziFile file = CziFile.open(czi)) {
			assertEquals(file.metadata().pixelWidth(), cal.pixelWidth, 1e-9);
			assertEquals(file.metadata().zStep(), cal.pixelDepth, 1e-9);
			assertEquals(60.075, cal.frameInterval, 1e-9);
			assertArrayEquals((short[]) pixels(file.readPlane(0, 1, 3, 2)), (short[]) imp.getStack()
				.getPixels(imp.getStackIndex(2, 4, 3)));
		}
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(1, files.count(), "no temporary file is left");
		}
	}

	@Test
	void convertPicksTheSceneAsked() throws IOException {
		final Path czi = sample("S3_1Pos_2Mosaic_T2Z3_CH2_sm.czi");
		final Path tif = dir.resolve("scene2.tif");
		assertEquals(0, run("convert", czi.toString(), tif.toString(), "--scene", "2"), err);
		final ImagePlus imp = IJ.openImage(tif.toString());
		try (CziFile file = CziFile.open(czi)) {
			assertEquals(file.scene(2).width(), imp.getWidth());
			assertEquals(file.scene(2).height(), imp.getHeight());
			assertArrayEquals((short[]) pixels(file.readPlane(2, 0, 1, 1)), (short[]) imp.getStack()
				.getPixels(imp.getStackIndex(1, 2, 2)));
		}
		final Path none = dir.resolve("none.tif");
		assertEquals(2, run("convert", czi.toString(), none.toString(), "--scene", "3"));
		assertTrue(err.contains("scene 3 does not exist"), err);
		assertFalse(Files.exists(none));
	}

	@Test
	void convertWritesColourAsRgb() throws IOException {
		final Path czi = sample("RGB-8bit.czi");
		final Path tif = dir.resolve("rgb.tif");
		assertEquals(0, run("convert", czi.toString(), tif.toString()), err);
		final ImagePlus imp = IJ.openImage(tif.toString());
		assertEquals(24, imp.getBitDepth());
		assertEquals(924, imp.getWidth());
		try (CziFile file = CziFile.open(czi)) {
			final byte[] planar = (byte[]) pixels(file.readPlane(0, 0, 0, 0));
			final int area = 924 * 624;
			final int[] rgb = (int[]) imp.getProcessor().getPixels();
			for (int i = 0; i < area; i += 997) {
				final int expected = (planar[i] & 0xff) << 16 | (planar[area + i] & 0xff) << 8 |
					planar[2 * area + i] & 0xff;
				assertEquals(expected, rgb[i] & 0xffffff, "pixel " + i);
			}
		}
	}

	@Test
	void convertRefusesJpegXrAndWritesNothing() throws IOException {
		final Path tif = dir.resolve("jxr.tif");
		assertEquals(2, run("convert", sample("LLS7_small_JPEGXR-synthetic.czi").toString(), tif
			.toString()));
		assertTrue(err.contains("JPEG XR") && err.contains("Bio-Formats"), err);
		// the Jazzer agent, when an earlier test loaded it into this JVM, logs to stderr too
		assertEquals(1, err.lines().filter(l -> l.startsWith("pssr:")).count(), "one line: " + err);
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(0, files.count());
		}
	}

	@Test
	void convertWarnsAboutLettersItDoesNotWrite() {
		final Path tif = dir.resolve("airy.tif");
		assertEquals(0, run("convert", sample("LSM880_AiryScan.czi").toString(), tif.toString()), err);
		assertTrue(err.contains("H=32") && err.contains("only index 0"), err);
		assertEquals(8, IJ.openImage(tif.toString()).getNChannels());
	}

	@Test
	void convertWritesMissingPlanesOfASparseFileAsZerosAndSaysSo() throws IOException {
		final Path czi = dir.resolve("sparse.czi");
		final byte[] plane = new byte[] { 5, 6, 7, 8 };
		Files.write(czi, new CziWriter(0).rawTile(0, plane, 0, 0, 2, 2, 'C', 0, 'T', 0)
			.rawTile(0, plane, 0, 0, 2, 2, 'C', 1, 'T', 1).bytes());
		final Path tif = dir.resolve("sparse.tif");
		assertEquals(0, run("convert", czi.toString(), tif.toString()), err);
		assertTrue(err.contains("2 plane(s) are missing"), err);
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
		assertEquals(2, run("convert", garbage.toString(), dir.resolve("g.tif").toString()));
		assertTrue(err.contains("garbage.czi") && err.contains("ZISRAWFILE"), err);
		assertEquals(2, run("info", garbage.toString()));
		assertEquals(2, run("info", dir.resolve("missing.czi").toString()));
		final Path czi = sample("100x100.czi");
		assertEquals(2, run("convert", czi.toString(), dir.resolve("no/such/dir/x.tif").toString()));
		assertTrue(err.contains("output folder") && err.contains("does not exist"), err);
		final Path copy = dir.resolve("copy.czi");
		Files.copy(czi, copy);
		assertEquals(2, run("convert", copy.toString(), copy.toString()));
		assertTrue(err.contains("is the input file"), err);
		assertArrayEquals(Files.readAllBytes(czi), Files.readAllBytes(copy));
		assertFalse(Files.exists(dir.resolve("g.tif")));
	}

	@Test
	void infoPrintsDimensionsCodecsCalibrationAndChannels() {
		assertEquals(0, run("info", sample("CellDivision_T3_Z5_CH2_X240_Y170.czi").toString()), err);
		assertTrue(out.contains("240 x 170 px, C=2 Z=5 T=3"), out);
		assertTrue(out.contains("GRAY16"), out);
		assertTrue(out.contains("Codecs: uncompressed"), out);
		assertTrue(out.contains("Pixel size: 0.0905767 x 0.0905767 µm"), out);
		assertTrue(out.contains("Z step 0.32"), out);
		assertTrue(out.contains("Time increment: 60.075 s"), out);
		assertFalse(out.contains("B=1"), "letters with one plane are not worth a mention: " + out);
		assertTrue(out.contains("Time stamps: 3"), out);
		assertTrue(out.contains("Channels: LED555, LED470"), out);

		assertEquals(0, run("info", sample("LSM880_AiryScan.czi").toString()), err);
		assertTrue(out.contains("C=8 Z=1 T=1 H=32,"), out);
		assertTrue(out.contains("132 of 256 planes present"), out);

		assertEquals(0, run("info", sample("CellDivision_T3_Z5_CH2_X240_Y170_comp1.czi").toString()));
		assertTrue(out.contains("Codecs: zstd1") && out.contains("Pixel size: uncalibrated"), out);
	}

	@Test
	void infoSaysWhyAJpegXrFileCannotBeRead() {
		assertEquals(0, run("info", sample("LLS7_small_JPEGXR-synthetic.czi").toString()), err);
		assertTrue(out.contains("Codecs: JPEG XR"), out);
		assertTrue(out.contains("not readable here") && out.contains("Bio-Formats"), out);
	}

	@Test
	void bothCommandsHaveHelp() {
		assertEquals(0, run("info", "--help"));
		assertTrue(out.contains("FILE.czi"), out);
		assertEquals(0, run("convert", "--help"));
		assertTrue(out.contains("--scene"), out);
	}
}
