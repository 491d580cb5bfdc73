package org.pssr.crappify;

import java.nio.file.Path;

import org.pssr.testing.RealData;
import org.pssr.testing.TestMovie;

@RealData
class NormalisationRealDataTest extends NormalisationTest {

	@Override
	Path movie(final TestMovie movie) {
		return movie.real();
	}
}
