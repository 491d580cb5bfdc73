package org.pssr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.pssr.app.TwinDraw;
import org.pssr.crappify.IntensityMap;
import org.pssr.app.ModelFiles;
import org.pssr.imagej.MovieFiles;
import org.pssr.app.OpenModel;
import org.pssr.app.SourceMovies;
import org.pssr.train.ModelBundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.testing.MovieSuite;
import org.pssr.testing.TestMovie;

/** On synthetic stand-ins; {@link TrainCommandRealDataTest} trains on the real movies. */
class TrainCommandTest extends MovieSuite {

	@TempDir
	Path dir;

	@Test
	void trainsOnTwinsDrawnOnTheFlyFromAMovie() throws Exception {
		final Path movie = movie(TestMovie.NUCLEI);
		final Path model = dir.resolve("fly.pssr.zip");
		assertEquals(ExitCodes.OK, Main.run("train", "--movies", movie.toString(), "--output", model
			.toString(), "--scale", "2", "--tile", "32", "--samples", "12", "--epochs", "1", "--batch",
			"4", "--device", "cpu"));
		try (ModelBundle b = ModelBundle.load(model, "cpu")) {
			assertEquals(2, b.scale());
			assertEquals(TwinDraw.DEFAULT_RECIPE, b.recipe().get().name());
			assertEquals(2, b.recipe().get().scale());
		}
	}

	/** The movie's training targets and its inference inputs are in the same units. */
	@Test
	void trainingAndInferenceNormaliseAMovieAlike() throws Exception {
		final Path movie = movie(TestMovie.NUCLEI);
		final Path twins = dir.resolve("twins");
		final Path model = dir.resolve("m.pssr.zip");
		assertEquals(ExitCodes.OK, Main.run("crappify", "--input", movie.toString(), "--output", twins
			.toString(), "--scale", "2", "--tile", "32", "--samples", "8"));
		assertEquals(ExitCodes.OK, Main.run("train", "--data", twins.toString(), "--output", model
			.toString(), "--epochs", "1", "--batch", "4", "--device", "cpu"));
		final IntensityMap training = SourceMovies.open(List.of(movie), 1, false, MovieFiles.IMAGEJ).get(0).intensityMap();
		try (OpenModel opened = ModelFiles.open(model, "cpu")) {
			final IntensityMap inference = opened.normaliser(MovieFiles.IMAGEJ.open(movie, 1));
			assertEquals(training.low(), inference.low());
			assertEquals(training.high(), inference.high());
		}
	}

	@Test
	void dataAndMoviesAreExclusiveAndOneIsNeeded() {
		final String out = dir.resolve("m.pssr.zip").toString();
		assertEquals(ExitCodes.USAGE, Main.run("train", "--output", out));
		assertEquals(ExitCodes.USAGE, Main.run("train", "--data", dir.toString(), "--movies", dir
			.toString(), "--output", out));
	}

	@Test
	void badInputExitsWithUsage() {
		assertEquals(ExitCodes.OK, Main.run("train", "--help"));
		assertEquals(ExitCodes.USAGE, Main.run("train", "--data", dir.toString(), "--output", dir.resolve(
			"m.zip").toString()));
		assertEquals(ExitCodes.USAGE, Main.run("train", "--data", dir.toString(), "--output", dir.resolve(
			"m.pssr.zip").toString(), "--preset", "huge"));
	}
}
