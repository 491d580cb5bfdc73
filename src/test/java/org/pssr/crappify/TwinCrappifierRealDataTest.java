package org.pssr.crappify;

import java.nio.file.Path;

import org.pssr.testing.RealData;
import org.pssr.testing.TestMovie;

@RealData
class TwinCrappifierRealDataTest extends TwinCrappifierTest {

	@Override
	Path movie(final TestMovie movie) {
		return movie.real();
	}
}
