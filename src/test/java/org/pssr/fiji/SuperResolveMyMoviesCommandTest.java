package org.pssr.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pssr.testing.SameMovie.assertSameMovie;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.IJ;
import ij.ImagePlus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.app.GuidedJob;
import org.pssr.testing.GuidedMovies;
import org.pssr.train.ModelBundle;
import org.scijava.Context;
import org.scijava.task.TaskService;

/**
 * Super-Resolve My Movies (guided) headless, as a macro runs it: from a low-resolution movie and
 * two HR movies to the recipe, the model, the super-resolved movie and the evaluation on the HR
 * movie kept aside; then with that model instead of HR movies, super-resolution only.
 */
class SuperResolveMyMoviesCommandTest {

	@TempDir
	Path dir;

	private final Context context = new Context(TaskService.class, org.scijava.command.CommandService.class);

	@AfterEach
	void dispose() {
		context.dispose();
	}

	private SuperResolveMyMoviesCommand command(final String inputs, final Path output) {
		final SuperResolveMyMoviesCommand command = new SuperResolveMyMoviesCommand();
		command.setContext(context);
		command.inputs = inputs;
		command.output = output.toFile();
		command.epochs = 1;
		command.tile = 32;
		command.samples = 12;
		command.batch = 4;
		command.device = "cpu";
		return command;
	}

	@Test
	void trainsWithTheCalibratedRecipeSuperResolvesAndEvaluatesOnTheHrMovieKeptAside()
		throws IOException
	{
		final GuidedMovies movies = GuidedMovies.write(dir);
		final Path out = dir.resolve("out");
		final SuperResolveMyMoviesCommand trained = command(movies.lr.toString(), out);
		trained.hr = movies.hr1 + ";" + movies.hr2;
		trained.run();
		assertFalse(trained.isCanceled(), trained.getCancelReason());

		final JsonObject recipe = JsonParser.parseString(new String(Files.readAllBytes(out.resolve(
			"lr.recipe.json")), StandardCharsets.UTF_8)).getAsJsonObject();
		assertEquals("calibrated", recipe.get("name").getAsString());
		assertTrue(recipe.getAsJsonObject("parameters").get("blur").getAsDouble() > 0, recipe
			.toString());
		assertEquals("hr1.tif", recipe.getAsJsonObject("provenance").get("blur measured against")
			.getAsString(), "the HR movie kept aside for the evaluation takes no part in the calibration");
		try (ModelBundle model = ModelBundle.load(out.resolve(GuidedJob.MODEL), "cpu")) {
			assertEquals("calibrated", model.recipe().orElseThrow().name(), "trained with the recipe");
			assertEquals(4, model.config().scale());
		}
		final ImagePlus superResolved = IJ.openImage(out.resolve("lr_pssr.tif").toString());
		assertEquals(4 * GuidedMovies.LR_SIDE, superResolved.getWidth());
		assertEquals(GuidedMovies.FRAMES, superResolved.getNFrames());
		assertTrue(Files.size(out.resolve(GuidedJob.FIGURE)) > 0, "no evaluation figure");
		final List<String> scores = Files.readAllLines(out.resolve(GuidedJob.CSV));
		assertEquals(1 + GuidedMovies.FRAMES, scores.size(), "a row per frame of hr2.tif: " + scores);

		final Path again = dir.resolve("again");
		final SuperResolveMyMoviesCommand withModel = command(movies.lr.toString(), again);
		withModel.modelfile = out.resolve(GuidedJob.MODEL).toFile();
		withModel.run();
		assertFalse(withModel.isCanceled(), withModel.getCancelReason());
		assertEquals(List.of("lr_pssr.tif"), names(again), "a model given: super-resolution only");
		assertSameMovie(out.resolve("lr_pssr.tif"), again.resolve("lr_pssr.tif"));

		final List<String> before = names(out);
		final SuperResolveMyMoviesCommand twice = command(movies.lr.toString(), out);
		twice.hr = trained.hr;
		twice.run();
		assertTrue(twice.isCanceled() && twice.getCancelReason().contains("tick 'Replace an earlier " +
			"output' (in a macro: add overwrite)"), twice.getCancelReason());
		assertEquals(before, names(out));
	}

	private static List<String> names(final Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}
}
