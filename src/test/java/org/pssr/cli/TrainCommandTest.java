package org.pssr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.pssr.crappify.IntensityMap;
import org.pssr.fiji.ModelFiles;
import org.pssr.fiji.MovieFiles;
import org.pssr.fiji.OpenModel;
import org.pssr.fiji.SourceMovies;
import org.pssr.train.ModelBundle;
import org.pssr.train.MovieTwins;
import org.pssr.crappify.Normalisation;
import org.pssr.train.TwinDatasetOpener;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.testing.TestMovie;

/** On synthetic stand-ins; {@link TrainCommandRealDataTest} trains on the real movies. */
class TrainCommandTest {

	@TempDir
	Path dir;

	Path movie(final TestMovie movie) {
		return movie.synthetic();
	}

	@Test
	void trainsAndWritesABundleWithCheckpoints() throws Exception {
		final MovieTwins twins = new MovieTwins(movie(TestMovie.CELLS_16BIT), 16, 2, 4, 1, 40, 0.05);
		final TrainCommand cmd = new TrainCommand(folder -> new TwinDatasetOpener.Split(twins, twins,
			Normalisation.PSSR));
		cmd.data = dir;
		cmd.output = dir.resolve("m.pssr.zip");
		cmd.preset = "small";
		cmd.epochs = 1;
		cmd.batch = 2;
		cmd.lr = 1e-3;
		cmd.wd = 1e-3;
		cmd.stability = 1;
		cmd.seed = 1;
		cmd.device = "cpu";
		cmd.progressEvery = 1;
		assertEquals(ExitCodes.OK, cmd.call());
		assertTrue(Files.exists(dir.resolve("m.checkpoints/last.ckpt")));
		try (ModelBundle b = ModelBundle.load(cmd.output, "cpu")) {
			assertEquals(2, b.scale());
			assertTrue(b.recipe().isEmpty(), "the test twins record no recipe");
			assertTrue(b.data().contains("block average"), b.data());
			assertEquals(1, b.json().getAsJsonObject("training").getAsJsonArray("history").size());
		}
	}

	@Test
	void trainsOnTwinsDrawnOnTheFlyFromAMovie() throws Exception {
		final Path movie = movie(TestMovie.NUCLEI);
		final Path model = dir.resolve("fly.pssr.zip");
		assertEquals(ExitCodes.OK, Main.run("train", "--movies", movie.toString(), "--output", model
			.toString(), "--scale", "2", "--tile", "32", "--samples", "12", "--epochs", "1", "--batch",
			"4", "--device", "cpu"));
		try (ModelBundle b = ModelBundle.load(model, "cpu")) {
			assertEquals(2, b.scale());
			assertEquals("pssr", b.recipe().get().name());
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
		final IntensityMap training = SourceMovies.open(List.of(movie), 1, false).get(0).intensityMap();
		try (OpenModel opened = ModelFiles.open(model, "cpu")) {
			final IntensityMap inference = opened.normaliser(MovieFiles.open(movie, 1));
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
