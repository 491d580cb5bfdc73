package org.pssr.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import net.imglib2.Cursor;
import net.imglib2.type.numeric.real.FloatType;

import org.pssr.crappify.Movie;
import org.pssr.crappify.io.TiffStackReader;
import org.pssr.imagej.MovieFiles;

/**
 * Movie files on hostile bytes: pssr's own TIFF reader (twin datasets) and the ImageJ path every
 * command opens movies through, each reading every plane. The seed corpus (TiffFuzzTestInputs:
 * ImageJ, pssr and multi-IFD TIFFs, cut and patched ones) is replayed in every build; JAZZER_FUZZ=1
 * fuzzes (.ci/run does, for a bounded time).
 */
class TiffFuzzTest {

	@FuzzTest(maxDuration = "30s")
	void tiffReaderTakesOrRefusesAnyBytes(final byte[] bytes) {
		FuzzFiles.takenOrRefused(bytes, "fuzz.tif", file -> {
			try (TiffStackReader r = new TiffStackReader(file)) {
				for (int i = 0; i < r.planes(); i++)
					r.readPlane(i);
			}
		});
	}

	@FuzzTest(maxDuration = "30s")
	void movieFilesTakeOrRefuseAnyBytes(final byte[] bytes) {
		FuzzFiles.takenOrRefused(bytes, "fuzz.tif", file -> {
			final Movie movie = MovieFiles.IMAGEJ.open(file, 1);
			for (int t = 0; t < movie.frames(); t++) {
				final Cursor<FloatType> c = movie.frame(t).cursor();
				while (c.hasNext())
					c.next().get();
			}
		});
	}
}
