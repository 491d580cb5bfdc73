package org.pssr.crappify.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import ij.IJ;
import ij.ImagePlus;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.crappify.Calibration;

class ImageJTiffWriterTest {

	@TempDir
	Path dir;

	private static ArrayImg<FloatType, FloatArray> ramp(final int w, final int h, final float offset) {
		final float[] px = new float[w * h];
		for (int i = 0; i < px.length; i++)
			px[i] = offset + i * 0.5f;
		return ArrayImgs.floats(px, w, h);
	}

	@Test
	void floatTimeSeriesOpensInImageJWithCalibrationAndExactValues() throws IOException {
		final Path out = dir.resolve("movie.tif");
		try (ImageJTiffWriter w = new ImageJTiffWriter(out, 7, 5, 3, PixelFormat.FLOAT32,
			new Calibration(0.25, 0.25, 2.5)))
		{
			for (int t = 0; t < 3; t++)
				w.write(ramp(7, 5, 100 * t));
		}
		final ImagePlus imp = IJ.openImage(out.toString());
		assertEquals(7, imp.getWidth());
		assertEquals(5, imp.getHeight());
		assertEquals(3, imp.getNFrames());
		assertEquals(1, imp.getNSlices());
		assertEquals(32, imp.getBitDepth());
		assertEquals(0.25, imp.getCalibration().pixelWidth, 1e-9);
		assertEquals("micron", imp.getCalibration().getUnit());
		assertEquals(2.5, imp.getCalibration().frameInterval, 1e-9);
		for (int t = 0; t < 3; t++) {
			assertArrayEquals((float[]) ramp(7, 5, 100 * t).update(null).getCurrentStorageArray(),
				(float[]) imp.getStack().getPixels(t + 1));
		}
	}

	/** Planes larger than the writer's 1 MB chunk go out in pieces, the last one short. */
	@Test
	void planesLargerThanAChunkAreWrittenWhole() throws IOException {
		final Path out = dir.resolve("large.tif");
		final int w = 1000;
		final int h = 300;
		try (ImageJTiffWriter writer = new ImageJTiffWriter(out, w, h, 2, PixelFormat.FLOAT32,
			Calibration.UNKNOWN))
		{
			for (int t = 0; t < 2; t++)
				writer.write(ramp(w, h, 7 * t));
		}
		final ImagePlus imp = IJ.openImage(out.toString());
		for (int t = 0; t < 2; t++)
			assertArrayEquals((float[]) ramp(w, h, 7 * t).update(null).getCurrentStorageArray(),
				(float[]) imp.getStack().getPixels(t + 1), "frame " + t);
	}

	@Test
	void sixteenBitIsRoundedAndClamped() throws IOException {
		final Path out = dir.resolve("u16.tif");
		try (ImageJTiffWriter w = new ImageJTiffWriter(out, 3, 1, 1, PixelFormat.UINT16,
			Calibration.UNKNOWN))
		{
			w.write(ArrayImgs.floats(new float[] { -5f, 1.6f, 70000f }, 3, 1));
		}
		final ImagePlus imp = IJ.openImage(out.toString());
		assertEquals(16, imp.getBitDepth());
		assertArrayEquals(new short[] { 0, 2, (short) 65535 }, (short[]) imp.getProcessor()
			.getPixels());
	}

	@Test
	void hyperstackKeepsChannelsSlicesAndFrames() throws IOException {
		final Path out = dir.resolve("hyper.tif");
		try (ImageJTiffWriter w = new ImageJTiffWriter(out, 4, 4, 2, 3, 2, PixelFormat.UINT8,
			Calibration.UNKNOWN))
		{
			for (int i = 0; i < 12; i++)
				w.write(ArrayImgs.floats(new float[16], 4, 4));
		}
		final ImagePlus imp = IJ.openImage(out.toString());
		assertEquals(2, imp.getNChannels());
		assertEquals(3, imp.getNSlices());
		assertEquals(2, imp.getNFrames());
	}

	@Test
	void nothingIsLeftWhenTooFewFramesArrive() throws IOException {
		final Path out = dir.resolve("short.tif");
		final ImageJTiffWriter w = new ImageJTiffWriter(out, 4, 4, 3, PixelFormat.FLOAT32,
			Calibration.UNKNOWN);
		w.write(ramp(4, 4, 0));
		assertThrows(IOException.class, w::close);
		assertFalse(Files.exists(out));
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(0, files.count(), "no temporary file may remain");
		}
	}

	@Test
	void aWrongSizedFrameIsRefused() throws IOException {
		final Path out = dir.resolve("wrong.tif");
		final ImageJTiffWriter w = new ImageJTiffWriter(out, 4, 4, 1, PixelFormat.FLOAT32,
			Calibration.UNKNOWN);
		assertThrows(IllegalArgumentException.class, () -> w.write(ramp(5, 4, 0)));
		w.abort();
		assertFalse(Files.exists(out));
	}

	@Test
	void aMissingFolderIsMadeAndAFileOnThePathIsRefusedBeforeAnyWork() throws IOException {
		try (ImageJTiffWriter w = new ImageJTiffWriter(dir.resolve("new/folder/out.tif"), 4, 4, 1,
			PixelFormat.FLOAT32, Calibration.UNKNOWN))
		{
			w.write(ArrayImgs.floats(4, 4));
		}
		assertTrue(Files.isRegularFile(dir.resolve("new/folder/out.tif")));
		final Path file = Files.write(dir.resolve("file"), new byte[] { 1 });
		assertThrows(IllegalArgumentException.class, () -> new ImageJTiffWriter(file.resolve("out.tif"),
			4, 4, 1, PixelFormat.FLOAT32, Calibration.UNKNOWN));
	}

	@Test
	void infoTextIsWhatImageJShowsInShowInfo() throws IOException {
		final Path out = dir.resolve("info.tif");
		final String info = "PSSR provenance\ninput: movie.tif (sha256 abc)\nmodel: m.pssr.zip, 0.5 µm";
		try (ImageJTiffWriter w = new ImageJTiffWriter(out, 4, 3, 1, 1, 2, PixelFormat.UINT16,
			new Calibration(0.5, 0.5, 2), info))
		{
			w.write(ArrayImgs.floats(4, 3));
			w.write(ArrayImgs.floats(4, 3));
		}
		final ImagePlus imp = IJ.openImage(out.toString());
		assertEquals(info, imp.getInfoProperty());
		assertEquals(2, imp.getNFrames());
		assertEquals(0.5, imp.getCalibration().pixelWidth, 1e-9);
	}
}
