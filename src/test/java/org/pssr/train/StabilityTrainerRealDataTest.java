package org.pssr.train;

import java.nio.file.Path;

import org.pssr.testing.RealData;
import org.pssr.testing.TestMovie;

@RealData
class StabilityTrainerRealDataTest extends StabilityTrainerTest {

	@Override
	Path movie(final TestMovie movie) {
		return movie.real();
	}
}
