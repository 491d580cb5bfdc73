package org.pssr.crappify.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Random;

import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.crappify.Calibration;

class TiffStackReaderTest {

	@TempDir
	Path dir;

	private static Path movie(final String name) {
		return Paths.get(System.getProperty("pssr.shared", "../shared"), "data", "movies", name);
	}

	@Test
	void readsTheRealMoviesInBothByteOrders() throws IOException {
		check("drosophila_h2b_seq1.tif", 542, 264, 15, 8);
		check("mitocheck_nuclei.tif", 211, 190, 30, 8);
		check("hela_gag_mvenus.tif", 200, 200, 51, 16);
		check("hela_h2b_tubulin_large.tif", 1392, 1040, 2, 8);
	}

	private static void check(final String name, final int w, final int h, final int planes,
		final int bits) throws IOException
	{
		try (TiffStackReader r = new TiffStackReader(movie(name))) {
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
