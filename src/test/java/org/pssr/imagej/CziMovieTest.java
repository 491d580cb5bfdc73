package org.pssr.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;
import org.pssr.app.SourceMovies;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.crappify.Movie;
import org.pssr.czi.CziFeature;
import org.pssr.czi.CziFeatureFiles;
import org.pssr.czi.CziFile;
import org.pssr.czi.CziFormatException;
import org.pssr.czi.CziPixelType;
import org.pssr.bench.czi.CziWriter;

/** A CZI channel as a Movie, directly and through MovieFiles, on CZI files the test writes. */
class CziMovieTest {

	@TempDir
	Path dir;

	static void assertSamePixels(final ArrayImg<?, ?> expected,
		final RandomAccessibleInterval<FloatType> actual)
	{
		final Cursor<?> e = expected.cursor();
		final Cursor<FloatType> a = Views.flatIterable(actual).cursor();
		long n = 0;
		while (e.hasNext()) {
			assertEquals(((RealType<?>) e.next()).getRealFloat(), a.next().get(), "pixel " + n);
			n++;
		}
		assertFalse(a.hasNext());
	}

	@Test
	void framesAreTheTimePointsOfOneChannel() throws IOException {
		final CziFeature cells = CziFeatureFiles.calibratedTimeLapse(dir);
		try (CziMovie movie = CziMovie.open(cells.file(), 0, 1, false);
			CziFile czi = CziFile.open(cells.file()))
		{
			assertEquals(cells.width(), movie.width());
			assertEquals(cells.height(), movie.height());
			assertEquals(3, movie.frames());
			assertSamePixels(czi.readPlane(0, 1, 0, 2), movie.frame(2));
			assertEquals(czi.metadata().pixelWidth(), movie.calibration().pixelWidth(), 1e-12);
			assertEquals(cells.timeIncrement(), movie.calibration().frameInterval(), 1e-9);
			assertThrows(IndexOutOfBoundsException.class, () -> movie.frame(3));
		}
	}

	@Test
	void framesRunAlongZWhenAsked() throws IOException {
		final Path cells = CziFeatureFiles.calibratedTimeLapse(dir).file();
		try (CziMovie movie = CziMovie.open(cells, 0, 0, true); CziFile czi = CziFile.open(cells)) {
			assertTrue(movie.slicesAsTime());
			assertEquals(5, movie.frames());
			assertSamePixels(czi.readPlane(0, 0, 4, 0), movie.frame(4));
			assertTrue(Double.isNaN(movie.calibration().frameInterval()));
		}
	}

	@Test
	void aCziZStackIsASequenceOnlyWhenTheUserSaysSo() throws IOException {
		final Path file = dir.resolve("zstack.czi");
		final CziWriter w = new CziWriter(CziPixelType.GRAY8);
		for (int z = 0; z < 3; z++)
			w.tile(CziWriter.Codec.UNCOMPRESSED, new byte[] { (byte) z, 1, 2, 3 }, 0, 0, 2, 2, 'Z', z);
		w.write(file);
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> SourceMovies.open(List.of(file), 1, false, MovieFiles.IMAGEJ));
		assertTrue(e.getMessage().contains("Z-stack"), e.getMessage());
		final Movie movie = SourceMovies.open(List.of(file), 1, true, MovieFiles.IMAGEJ).get(0).movie();
		assertEquals(3, movie.frames());
		assertEquals(2, movie.frame(2).randomAccess().setPositionAndGet(0, 0).get());
	}

	@Test
	void refusesWhatIsNotOneFluorescenceChannel() throws IOException {
		final Path rgb = CziFeatureFiles.bgr24(dir).file();
		final IllegalArgumentException colour = assertThrows(IllegalArgumentException.class,
			() -> CziMovie.open(rgb, 0, 0, false));
		assertTrue(colour.getMessage().contains("colour"), colour.getMessage());
		final Path cells = CziFeatureFiles.calibratedTimeLapse(dir).file();
		assertThrows(IllegalArgumentException.class, () -> CziMovie.open(cells, 0, 2, false));
		assertThrows(IllegalArgumentException.class, () -> CziMovie.open(cells, 1, 0, false));
		final Path jpegXr = CziFeatureFiles.jpegXr(dir).file();
		final CziFormatException jxr = assertThrows(CziFormatException.class, () -> CziMovie.open(
			jpegXr, 0, 0, false));
		assertTrue(jxr.getMessage().contains("JPEG XR"), jxr.getMessage());
	}

	@Test
	void movieFilesOpensCziWithTheBuiltInReaderWithoutBioFormats() throws IOException {
		assertFalse(MovieFiles.hasBioFormats(), "Bio-Formats is not a build dependency");
		final Path cells = CziFeatureFiles.calibratedTimeLapse(dir).file();
		final Movie movie = MovieFiles.IMAGEJ.open(cells, 2);
		try {
			assertTrue(movie instanceof CziMovie);
			assertEquals(3, movie.frames());
			try (CziFile czi = CziFile.open(cells)) {
				assertSamePixels(czi.readPlane(0, 1, 0, 1), movie.frame(1));
			}
		}
		finally {
			((CziMovie) movie).close();
		}
		final Movie stack = MovieFiles.IMAGEJ.open(CziFeatureFiles.deletedSegment(dir).file(), 1);
		try {
			assertEquals(2, stack.frames(), "T=2: frames run along T");
		}
		finally {
			((CziMovie) stack).close();
		}
		final Path jpegXr = CziFeatureFiles.jpegXr(dir).file();
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> MovieFiles.IMAGEJ.open(jpegXr, 1));
		assertTrue(e.getMessage().contains("Bio-Formats"), e.getMessage());
	}
}
