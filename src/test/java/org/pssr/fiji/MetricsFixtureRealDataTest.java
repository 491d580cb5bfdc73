package org.pssr.fiji;

import java.nio.file.Path;

import org.pssr.testing.RealData;
import org.pssr.testing.SharedData;

@RealData
class MetricsFixtureRealDataTest extends MetricsFixtureTest {

	@Override
	String tables() {
		return "real_";
	}

	@Override
	Path movie(final String name) {
		return SharedData.movie(name);
	}
}
