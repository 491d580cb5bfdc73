package org.pssr.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.pssr.crappify.Movie;
import org.pssr.czi.CziFile;
import org.pssr.testing.RealData;
import org.pssr.testing.SharedData;

/** Real CZI samples as Movies, through the built-in reader. */
@RealData
class CziMovieRealDataTest {

	private static final Path CELLS = SharedData.czi("CellDivision_T3_Z5_CH2_X240_Y170.czi");

	@Test
	void framesAreTheTimePointsOfOneChannel() throws IOException {
		try (CziMovie movie = CziMovie.open(CELLS, 0, 1, false); CziFile czi = CziFile.open(CELLS)) {
			assertEquals(240, movie.width());
			assertEquals(170, movie.height());
			assertEquals(3, movie.frames());
			CziMovieTest.assertSamePixels(czi.readPlane(0, 1, 0, 2), movie.frame(2));
			assertEquals(60.075, movie.calibration().frameInterval(), 1e-9);
		}
	}

	@Test
	void movieFilesOpensTheRealSamples() throws IOException {
		final Movie stack = MovieFiles.IMAGEJ.open(SharedData.czi("LLS7_small.czi"), 1);
		try {
			assertEquals(2, stack.frames(), "T=2: frames run along T");
		}
		finally {
			((CziMovie) stack).close();
		}
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> MovieFiles.IMAGEJ.open(SharedData.czi("LLS7_small_JPEGXR-synthetic.czi"), 1));
		assertTrue(e.getMessage().contains("Bio-Formats"), e.getMessage());
	}
}
