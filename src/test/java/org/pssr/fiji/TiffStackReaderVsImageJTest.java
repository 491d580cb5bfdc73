package org.pssr.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;

import org.junit.jupiter.api.Test;
import org.pssr.crappify.io.TiffStackReader;
import org.pssr.testing.MovieSuite;
import org.pssr.testing.TestMovie;

/**
 * The crappifier's ImageJ-free TIFF reader sees exactly the pixels ImageJ sees, on synthetic
 * stand-ins here and on the real movies in {@link TiffStackReaderVsImageJRealDataTest}.
 */
class TiffStackReaderVsImageJTest extends MovieSuite {

	@Test
	void samePixelsAsImageJ() throws IOException {
		for (final TestMovie m : new TestMovie[] { TestMovie.SEQUENCE_2, TestMovie.CELLS_16BIT }) {
			final Path file = movie(m);
			final String name = m.fileName();
			final ImagePlus imp = IJ.openImage(file.toString());
			assertNotNull(imp, name);
			try (TiffStackReader r = new TiffStackReader(file)) {
				assertEquals(imp.getStackSize(), r.planes(), name);
				for (final int i : new int[] { r.planes() - 1, 0, r.planes() / 2 }) {
					final float[] expected = (float[]) imp.getStack().getProcessor(i + 1).convertToFloat()
						.getPixels();
					assertArrayEquals(expected, r.readPlane(i), name + " plane " + i);
				}
			}
		}
	}
}
