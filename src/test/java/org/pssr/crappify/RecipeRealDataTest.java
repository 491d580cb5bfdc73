package org.pssr.crappify;

import java.nio.file.Path;

import org.pssr.testing.RealData;
import org.pssr.testing.TestMovie;

@RealData
class RecipeRealDataTest extends RecipeTest {

	@Override
	Path movie(final TestMovie movie) {
		return movie.real();
	}
}
