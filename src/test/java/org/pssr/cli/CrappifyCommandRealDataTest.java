package org.pssr.cli;

import java.nio.file.Path;

import org.pssr.testing.RealData;
import org.pssr.testing.TestMovie;

@RealData
class CrappifyCommandRealDataTest extends CrappifyCommandTest {

	@Override
	Path movie(final TestMovie movie) {
		return movie.real();
	}
}
