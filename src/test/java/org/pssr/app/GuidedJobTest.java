package org.pssr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.IJ;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.crappify.Logger;
import org.pssr.crappify.NoiseCalibration;
import org.pssr.imagej.MovieFiles;
import org.pssr.testing.CodedMovies;
import org.pssr.testing.GuidedMovies;
import org.pssr.testing.RecordingLogger;
import org.pssr.train.TrainingOptions;

/**
 * The guided path's job: what it refuses before any work, leaving everything as it was (the
 * hostile catalogue of Super-Resolve My Movies (guided)); with one HR movie too small to measure
 * the blur against, a recipe without blur and no evaluation, each said in the log; a cancelled run
 * keeps what was complete. The whole path with a held-out HR movie: SuperResolveMyMoviesCommandTest.
 */
class GuidedJobTest {

	@TempDir
	static Path data;

	@TempDir
	Path dir;

	private static GuidedMovies movies;

	@BeforeAll
	static void movies() {
		movies = GuidedMovies.write(data);
	}

	private static TwinDraw draw() {
		return TwinDraw.builder().tile(32).samples(12).build();
	}

	private static GuidedJob job(final TwinDraw draw) {
		return new GuidedJob(draw, TrainingOptions.builder().epochs(1).batch(4).device("cpu").build(),
			MovieFiles.IMAGEJ, (figure, png) -> Files.write(png, new byte[] { 1 }));
	}

	private static List<GuidedJob.Acquisition> lr(final Path... files) {
		return Stream.of(files).map(GuidedJob.Acquisition::file).collect(Collectors.toList());
	}

	/** Every file under {@code root} with its bytes, to see that a refusal changed nothing. */
	private static Map<String, String> tree(final Path root) throws IOException {
		final Map<String, String> files = new TreeMap<>();
		try (Stream<Path> all = Files.walk(root)) {
			for (final Path p : (Iterable<Path>) all::iterator)
				files.put(root.relativize(p).toString(), Files.isRegularFile(p) ? Integer.toHexString(
					java.util.Arrays.hashCode(Files.readAllBytes(p))) : "folder");
		}
		return files;
	}

	/** One hostile request: what it is, what to make first, the call and what the refusal says. */
	private interface Request {

		void run(Path out) throws IOException;
	}

	private void refused(final String what, final Class<? extends Exception> type,
		final String says, final Request request) throws IOException
	{
		final Path out = dir.resolve("out");
		final Map<String, String> before = tree(dir);
		final Exception e = assertThrows(type, () -> request.run(out), what);
		assertTrue(e.getMessage() != null && e.getMessage().contains(says), what + ": " + e
			.getMessage());
		assertEquals(before, tree(dir), what + ": a refusal changed files");
	}

	@Test
	void hostileRequestsAreRefusedBeforeAnyWorkAndLeaveNothing() throws IOException {
		final List<Path> hr = List.of(movies.hr1, movies.hr2);
		final Path log = Files.write(dir.resolve("notes.txt"), "mine".getBytes(StandardCharsets.UTF_8));
		refused("no movie", IllegalArgumentException.class, "no low-resolution movie", out -> job(
			draw()).run(List.of(), null, hr, out, OutputRule.NEVER, Logger.NONE,
				GuidedJob.Steps.NONE));
		refused("neither model nor HR movies", IllegalArgumentException.class,
			"give a trained model or high-resolution movies", out -> job(draw()).run(lr(movies.lr), null,
				List.of(), out, OutputRule.NEVER, Logger.NONE, GuidedJob.Steps.NONE));
		refused("both", IllegalArgumentException.class, "not both", out -> job(draw()).run(lr(
			movies.lr), dir.resolve("m.pssr.zip"), hr, out, OutputRule.NEVER, Logger.NONE,
			GuidedJob.Steps.NONE));
		refused("an output that is a file", IllegalArgumentException.class, "is a file; give a folder",
			out -> job(draw()).run(lr(movies.lr), null, hr, log, OutputRule.NEVER,
				Logger.NONE, GuidedJob.Steps.NONE));
		refused("a missing HR movie", NoSuchFileException.class, "missing.tif", out -> job(draw()).run(
			lr(movies.lr), null, List.of(dir.resolve("missing.tif")), out, OutputRule.NEVER,
			Logger.NONE, GuidedJob.Steps.NONE));
		refused("a missing LR movie", NoSuchFileException.class, "gone.tif", out -> job(draw()).run(lr(
			dir.resolve("gone.tif")), null, hr, out, OutputRule.NEVER, Logger.NONE,
			GuidedJob.Steps.NONE));
		refused("a missing model", NoSuchFileException.class, "none.pssr.zip", out -> job(draw()).run(
			lr(movies.lr), dir.resolve("none.pssr.zip"), List.of(), out, OutputRule.NEVER,
			Logger.NONE, GuidedJob.Steps.NONE));
		final Path text = Files.write(dir.resolve("text.tif"), "not a movie".getBytes(
			StandardCharsets.UTF_8));
		refused("an LR file that is no movie", IllegalArgumentException.class, "text.tif", out -> job(
			draw()).run(lr(text), null, hr, out, OutputRule.NEVER, Logger.NONE,
				GuidedJob.Steps.NONE));
		final Path two = dir.resolve("two.tif");
		IJ.saveAsTiff(CodedMovies.series(64, 64, 2), two.toString());
		refused("an LR movie too short for the model's frames", IllegalArgumentException.class,
			"two.tif: the model takes 3 frames at a time but the movie has only 2 frames", out -> job(
				draw()).run(lr(two), null, hr, out, OutputRule.NEVER, Logger.NONE,
				GuidedJob.Steps.NONE));
		final Path a = Files.createDirectories(dir.resolve("a"));
		final Path b = Files.createDirectories(dir.resolve("b"));
		Files.copy(movies.lr, a.resolve("lr.tif"));
		Files.copy(movies.lr, b.resolve("lr.tif"));
		refused("two LR movies of one name", IllegalArgumentException.class,
			"two low-resolution movies are named lr", out -> job(draw()).run(lr(a.resolve("lr.tif"), b
				.resolve("lr.tif")), null, hr, out, OutputRule.NEVER, Logger.NONE,
				GuidedJob.Steps.NONE));
		final TwinDraw large = draw().toBuilder().tile(512).build();
		refused("tiles larger than the HR movies", IllegalArgumentException.class, "512", out -> job(
			large).run(lr(movies.lr), null, hr, out, OutputRule.NEVER, Logger.NONE,
				GuidedJob.Steps.NONE));
		final TwinDraw none = draw().toBuilder().samples(0).build();
		refused("no samples", IllegalArgumentException.class, "samples must be 1 to", out -> job(none)
			.run(lr(movies.lr), null, hr, out, OutputRule.NEVER, Logger.NONE,
				GuidedJob.Steps.NONE));
		final Path ramp = dir.resolve("ramp.tif");
		IJ.saveAsTiff(CodedMovies.series(64, 64, 8), ramp.toString());
		refused("an LR movie without noise to calibrate", IllegalArgumentException.class,
			"carries no noise", out -> job(draw()).run(lr(ramp), null, hr, out, OutputRule.NEVER,
				Logger.NONE, GuidedJob.Steps.NONE));

		final Path mine = Files.createDirectories(dir.resolve("mine"));
		Files.write(mine.resolve("lr_pssr.tif"), "the user's".getBytes(StandardCharsets.UTF_8));
		refused("a file of the user's where a movie goes, even with overwrite",
			IllegalArgumentException.class, "not a TIFF pssr wrote", out -> job(draw()).run(lr(
				movies.lr), null, hr, mine, new OutputRule(true, "", MovieFiles::info),
				Logger.NONE, GuidedJob.Steps.NONE));
		final Path inputs = Files.createDirectories(dir.resolve("inputs"));
		Files.copy(movies.lr, inputs.resolve("x.tif"));
		Files.copy(movies.hr1, inputs.resolve("x_pssr.tif"));
		refused("an output that would replace an input", IllegalArgumentException.class,
			"writing it would destroy an input", out -> job(draw()).run(lr(inputs.resolve("x.tif")),
				null, List.of(inputs.resolve("x_pssr.tif"), movies.hr2), inputs, OutputRule.NEVER,
				Logger.NONE, GuidedJob.Steps.NONE));
	}

	@Test
	void oneSmallHrMovieTrainsWithARecipeWithoutBlurAndLeavesNothingToEvaluateOn()
		throws IOException
	{
		final Path small = dir.resolve("small.tif");
		assertEquals(0, org.pssr.cli.Main.run("synth", small.toString(), "--frames", "8", "--width",
			"96", "--height", "96", "--seed", "4"));
		final Path out = dir.resolve("out");
		final RecordingLogger log = new RecordingLogger();
		final List<String> steps = new ArrayList<>();
		final GuidedJob.Result result = job(draw()).run(lr(movies.lr), null, List.of(small), out,
			OutputRule.NEVER, log, new GuidedJob.Steps() {

				@Override
				public void calibrated(final String movie, final NoiseCalibration calibration,
					final Path recipe)
				{
					steps.add("calibrated " + movie + " into " + recipe.getFileName());
				}

				@Override
				public void superResolved(final Path movie) {
					steps.add("super-resolved " + movie.getFileName());
				}
			});
		assertEquals(List.of("calibrated lr.tif into lr.recipe.json", "super-resolved lr_pssr.tif"),
			steps);
		final JsonObject recipe = JsonParser.parseString(new String(Files.readAllBytes(result.recipe),
			StandardCharsets.UTF_8)).getAsJsonObject();
		assertEquals(0, recipe.getAsJsonObject("parameters").get("blur").getAsDouble());
		assertTrue(recipe.getAsJsonObject("measured").get("blur").getAsString().startsWith(
			"not measured: no high-resolution movie is 256 x 256 pixels or larger"), recipe.toString());
		assertTrue(log.lines.stream().anyMatch(l -> l.startsWith("warning: the blur was not measured")),
			log.lines.toString());
		assertTrue(log.lines.stream().anyMatch(l -> l.contains("none is left to evaluate the model on")),
			log.lines.toString());
		assertEquals(null, result.evaluation);
		assertFalse(Files.exists(out.resolve(GuidedJob.FIGURE)) || Files.exists(out.resolve(
			GuidedJob.CSV)), "an evaluation on the movie it trained on");
		assertTrue(Files.isRegularFile(out.resolve(GuidedJob.MODEL)));
	}

	@Test
	void cancelledWhileTrainingItKeepsTheRecipeAndWritesNoModel() throws IOException {
		final Path out = dir.resolve("out");
		final GuidedJob job = job(draw());
		assertThrows(CancellationException.class, () -> job.run(lr(movies.lr), null, List.of(
			movies.hr1), out, OutputRule.NEVER, new RecordingLogger(), new GuidedJob.Steps() {

				@Override
				public void calibrated(final String movie, final NoiseCalibration calibration,
					final Path recipe)
				{
					job.cancel();
				}
			}));
		assertTrue(Files.isRegularFile(out.resolve("lr.recipe.json")));
		assertFalse(Files.exists(out.resolve(GuidedJob.MODEL)));
		assertFalse(Files.exists(out.resolve("lr_pssr.tif")));
	}
}
