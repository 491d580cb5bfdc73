package org.pssr.crappify.io;

import java.util.List;

import org.pssr.testing.RealData;
import org.pssr.testing.SharedData;

/** Every real movie, in whichever byte order it was saved. */
@RealData
class TiffStackReaderRealDataTest extends TiffStackReaderTest {

	@Override
	List<Expected> movies() {
		return List.of(new Expected(SharedData.movie("drosophila_h2b_seq1.tif"), 542, 264, 15, 8),
			new Expected(SharedData.movie("mitocheck_nuclei.tif"), 211, 190, 30, 8), new Expected(
				SharedData.movie("hela_gag_mvenus.tif"), 200, 200, 51, 16), new Expected(SharedData.movie(
					"hela_h2b_tubulin_large.tif"), 1392, 1040, 2, 8));
	}
}
