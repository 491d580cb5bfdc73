package org.pssr.crappify.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import net.imglib2.img.array.ArrayImgs;

import ij.IJ;
import ij.ImagePlus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.crappify.Calibration;
import org.pssr.testing.TestMovie;

/**
 * Movies as our writer (little-endian) and ImageJ (big-endian) write them;
 * {@link TiffStackReaderRealDataTest} reads the real movies instead.
 */
class TiffStackReaderTest {

	@TempDir
	Path dir;

	/** A movie file the reader must read, with what it holds. */
	static final class Expected {

		final Path file;
		final int width;
		final int height;
		final int planes;
		final int bits;

		Expected(final Path file, final int width, final int height, final int planes,
			final int bits)
		{
			this.file = file;
			this.width = width;
			this.height = height;
			this.planes = planes;
			this.bits = bits;
		}
	}

	List<Expected> movies() {
		final Path littleEndian = TestMovie.CELLS_16BIT.synthetic();
		final ImagePlus imp = IJ.openImage(TestMovie.NUCLEI.synthetic().toString());
		final Path bigEndian = dir.resolve("saved-by-imagej.tif");
		IJ.saveAsTiff(imp, bigEndian.toString());
		return List.of(new Expected(littleEndian, 96, 96, 51, 16), new Expected(TestMovie.SEQUENCE_1
			.synthetic(), 192, 128, 15, 8), new Expected(bigEndian, 112, 96, 30, 8));
	}

	@Test
	void readsMoviesInBothByteOrders() throws IOException {
		for (final Expected e : movies())
			check(e.file, e.width, e.height, e.planes, e.bits);
	}

	private static void check(final Path file, final int w, final int h, final int planes,
		final int bits) throws IOException
	{
		final String name = file.getFileName().toString();
		try (TiffStackReader r = new TiffStackReader(file)) {
			assertEquals(w, r.width(), name);
			assertEquals(h, r.height(), name);
			assertEquals(planes, r.planes(), name);
			assertEquals(bits, r.bitsPerSample(), name);
			final float[] last = r.readPlane(planes - 1);
			final float[] first = r.readPlane(0);
			double max = 0;
			for (final float v : last) {
				assertTrue(v >= 0 && v < (1 << bits), name);
				max = Math.max(max, v);
			}
			assertTrue(max > 0, name + ": last plane is blank");
			assertTrue(!java.util.Arrays.equals(first, last), name + ": planes are not distinct");
		}
	}

	@Test
	void roundTripsWhatOurWriterWritesInEveryFormat() throws IOException {
		final Random random = new Random(7);
		for (final PixelFormat format : PixelFormat.values()) {
			final int w = 13;
			final int h = 5;
			final float[][] planes = new float[4][w * h];
			final Path file = dir.resolve(format + ".tif");
			try (ImageJTiffWriter writer = new ImageJTiffWriter(file, w, h, 2, 1, 2, format,
				Calibration.UNKNOWN))
			{
				for (final float[] p : planes) {
					for (int i = 0; i < p.length; i++) {
						p[i] = format == PixelFormat.FLOAT32 ? (float) random.nextGaussian() : random.nextInt(
							format == PixelFormat.UINT8 ? 256 : 65536);
					}
					writer.write(ArrayImgs.floats(p, w, h));
				}
			}
			try (TiffStackReader r = new TiffStackReader(file)) {
				assertEquals(4, r.planes());
				assertEquals(format.bits(), r.bitsPerSample());
				for (final int i : new int[] { 2, 0, 3, 1 }) {
					assertArrayEquals(planes[i], r.readPlane(i), format + " plane " + i);
				}
				assertThrows(IndexOutOfBoundsException.class, () -> r.readPlane(4));
			}
		}
	}

	@Test
	void refusesWhatIsNotATiff() throws IOException {
		final Path file = Files.write(dir.resolve("x.tif"), "not an image at all".getBytes());
		final IOException e = assertThrows(IOException.class, () -> new TiffStackReader(file));
		assertTrue(e.getMessage().contains("not a TIFF"), e.getMessage());
	}
}
