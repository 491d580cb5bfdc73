package org.pssr.fiji;

import java.nio.file.Path;

import org.pssr.testing.RealData;
import org.pssr.testing.TestMovie;

@RealData
class TiffStackReaderVsImageJRealDataTest extends TiffStackReaderVsImageJTest {

	@Override
	Path movie(final TestMovie movie) {
		return movie.real();
	}
}
