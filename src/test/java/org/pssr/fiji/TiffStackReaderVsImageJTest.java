package org.pssr.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;

import ij.IJ;
import ij.ImagePlus;

import org.junit.jupiter.api.Test;
import org.pssr.crappify.io.TiffStackReader;

/** The crappifier's ImageJ-free TIFF reader sees exactly the pixels ImageJ sees. */
class TiffStackReaderVsImageJTest {

	@Test
	void samePixelsAsImageJ() throws IOException {
		for (final String name : new String[] { "drosophila_h2b_seq2.tif", "hela_gag_mvenus.tif" }) {
			final Path file = Paths.get(System.getProperty("pssr.shared", "../shared"), "data", "movies",
				name);
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
