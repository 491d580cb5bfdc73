package org.pssr.cli;

import java.nio.file.Path;

import org.pssr.testing.RealData;
import org.pssr.testing.TestMovie;

@RealData
class TrainCommandRealDataTest extends TrainCommandTest {

	@Override
	Path movie(final TestMovie movie) {
		return movie.real();
	}
}
