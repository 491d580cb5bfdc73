package org.pssr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import ij.ImagePlus;
import ij.process.ByteProcessor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.pssr.app.OutputRule.Kind;
import org.pssr.crappify.NoiseCalibrationTestMovies;
import org.pssr.crappify.io.Folders;
import org.pssr.crappify.io.ImageJTiffWriter;
import org.pssr.crappify.io.PixelFormat;
import org.pssr.crappify.synth.SyntheticFluorescenceMovie;
import org.pssr.czi.CziFeatureFiles;
import org.pssr.imagej.PngFiles;
import org.pssr.testing.OutputRules;

/**
 * The output rule (README, Command line), walked over every output option of every command: each
 * output pointed at a file of the user's is refused and the file left as it was; at an earlier
 * output of pssr's of the same kind, refused without {@code --overwrite} and replaced with it (by
 * an output of that kind again).
 */
class OutputRuleTest {

	private static Path fixtures;
	private static final Map<Kind, Path> EARLIER = new java.util.EnumMap<>(Kind.class);

	/** One output option: its name, kind, and the command line that writes {@code target}. */
	private static final class Output {

		final String option;
		final Kind kind;
		final Function<Path, List<String>> args;
		/** Where the output goes in the command's folder argument, when the option names a folder. */
		final String inside;

		Output(final String option, final Kind kind, final String inside,
			final Function<Path, List<String>> args)
		{
			this.option = option;
			this.kind = kind;
			this.inside = inside;
			this.args = args;
		}
	}

	@BeforeAll
	static void fixtures() throws IOException, URISyntaxException {
		fixtures = Files.createTempDirectory("pssr-output-rule");
		Files.copy(Paths.get(OutputRuleTest.class.getResource(
			"/org/pssr/train/legacy/format1-tiny.pssr.zip").toURI()), fixtures.resolve("model.pssr.zip"));
		Files.copy(fixtures.resolve("model.pssr.zip"), fixtures.resolve("model2.pssr.zip"));
		ImageJTiffWriter.save(new SyntheticFluorescenceMovie(32, 32, 8, 1), fixtures.resolve("movie.tif"),
			PixelFormat.UINT16);
		ImageJTiffWriter.save(new SyntheticFluorescenceMovie(32, 32, 8, 2), fixtures.resolve(
			"movie2.tif"), PixelFormat.UINT16);
		ImageJTiffWriter.save(NoiseCalibrationTestMovies.camera(2.0, 100, 3, 500, 12, 65535, 9), fixtures
			.resolve("scope.tif"), PixelFormat.UINT16);
		Files.createDirectories(fixtures.resolve("movies"));
		Files.copy(fixtures.resolve("movie.tif"), fixtures.resolve("movies/a.tif"));
		Files.copy(CziFeatureFiles.calibratedTimeLapse(Files.createDirectories(fixtures.resolve("czi")))
			.file(), fixtures.resolve("movie.czi"));
		run("superres", "--model", path("model.pssr.zip"), "--input", path("movie.tif"), "--output", path(
			"parts.tif"), "--frames", "1:8");
		run("crappify", "--input", path("movie.tif"), "--output", path("twins"), "--scale", "2", "--tile",
			"16", "--samples", "6", "--min-signal", "-1");
		final Path earlier = Files.createDirectories(fixtures.resolve("earlier"));
		EARLIER.put(Kind.MOVIE, earlier.resolve("movie_pssr.tif"));
		run("synth", EARLIER.get(Kind.MOVIE).toString(), "--frames", "2", "--width", "16", "--height", "16",
			"--seed", "5");
		EARLIER.put(Kind.MODEL, Files.copy(fixtures.resolve("model.pssr.zip"), earlier.resolve(
			"m.pssr.zip")));
		EARLIER.put(Kind.DATASET, fixtures.resolve("twins"));
		EARLIER.put(Kind.FIGURE, earlier.resolve("f.png"));
		PngFiles.write(new ImagePlus("f", new ByteProcessor(4, 4)), EARLIER.get(Kind.FIGURE));
		EARLIER.put(Kind.TABLE, Files.write(earlier.resolve("t.csv"), "frame,psnr_model\n0,1\n".getBytes(
			StandardCharsets.UTF_8)));
		EARLIER.put(Kind.PAGE, Files.write(earlier.resolve("p.md"), ("# Image quality study\n\nMade by " +
			"`pssr study`.\n").getBytes(StandardCharsets.UTF_8)));
		EARLIER.put(Kind.RECIPE, earlier.resolve("r.json"));
		run("calibrate", "--input", path("scope.tif"), "--output", EARLIER.get(Kind.RECIPE).toString());
		run("slurm", "superres", "--model", path("model.pssr.zip"), "--input", path("movie.tif"),
			"--output", path("sout"), "--scripts", earlier.resolve("scripts").toString(), "--partition", "x");
		EARLIER.put(Kind.SCRIPT, earlier.resolve("scripts/superres.sbatch"));
		// exports as pssr marks them (what an export writes is ExportCommandTest's)
		EARLIER.put(Kind.SAVED_MODEL, Files.createDirectories(earlier.resolve("savedmodel/assets.extra"))
			.getParent());
		Files.write(earlier.resolve("savedmodel/assets.extra/pssr-model.json"), "{}".getBytes(
			StandardCharsets.UTF_8));
		EARLIER.put(Kind.PACKAGE, earlier.resolve("package.zip"));
		Catalogue.Zips.write(EARLIER.get(Kind.PACKAGE), Map.of("rdf.yaml", ("type: model\nconfig:\n  " +
			"pssr:\n    made: by pssr\n").getBytes(StandardCharsets.UTF_8)));
		for (final Map.Entry<Kind, Path> e : EARLIER.entrySet())
			assertTrue(OutputRules.KEEP.made(e.getValue(), e.getKey()), e.getKey() + " " + e.getValue());
	}

	@AfterAll
	static void removeFixtures() throws IOException {
		Folders.deleteTree(fixtures);
	}

	private static String path(final String name) {
		return fixtures.resolve(name).toString();
	}

	private static void run(final String... args) {
		final MainRunner pssr = new MainRunner();
		assertEquals(ExitCodes.OK, pssr.run(args), String.join(" ", args) + ": " + pssr.err);
	}

	private static List<String> list(final String... args) {
		return new ArrayList<>(List.of(args));
	}

	private static List<Output> outputs() {
		final List<Output> o = new ArrayList<>();
		final String model = path("model.pssr.zip");
		final String movie = path("movie.tif");
		o.add(new Output("superres --output", Kind.MOVIE, null, t -> list("superres", "--model", model,
			"--input", movie, "--output", t.toString(), "--device", "cpu")));
		o.add(new Output("superres --output (a folder of movies)", Kind.MOVIE, "a_pssr.tif", t -> list(
			"superres", "--model", model, "--input", path("movies"), "--output", t.toString(), "--device",
			"cpu")));
		o.add(new Output("join --output", Kind.MOVIE, null, t -> {
			try {
				Folders.deleteTree(t.resolveSibling("out.parts"));
				Catalogue.copy(fixtures.resolve("parts.parts"), t.resolveSibling("out.parts"));
			}
			catch (final IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			return list("join", "--output", t.toString());
		}));
		// one twin more than the earlier dataset: its manifest's time has only seconds, and the same
		// settings within the same second would write the same bytes, telling nothing of a replacement
		o.add(new Output("crappify --output", Kind.DATASET, null, t -> list("crappify", "--input", movie,
			"--output", t.toString(), "--scale", "2", "--tile", "16", "--samples", "7", "--min-signal",
			"-1")));
		o.add(new Output("train --output", Kind.MODEL, "m.pssr.zip", t -> list("train", "--data", path(
			"twins"), "--output", t.resolve("m.pssr.zip").toString(), "--epochs", "1", "--batch", "2",
			"--device", "cpu")));
		o.add(new Output("evaluate --csv", Kind.TABLE, null, t -> list("evaluate", "--model", model,
			"--truth", movie, "--device", "cpu", "--csv", t.toString())));
		o.add(new Output("evaluate --figure", Kind.FIGURE, null, t -> list("evaluate", "--model", model,
			"--truth", movie, "--device", "cpu", "--figure", t.toString())));
		o.add(new Output("evaluate --scales --plot", Kind.FIGURE, null, t -> list("evaluate", "--model",
			path("model{scale}.pssr.zip"), "--truth", movie, "--device", "cpu", "--scales", "2", "--plot", t
				.toString())));
		o.add(new Output("evaluate --scales --csv", Kind.TABLE, null, t -> list("evaluate", "--model",
			path("model{scale}.pssr.zip"), "--truth", movie, "--device", "cpu", "--scales", "2", "--csv", t
				.toString())));
		o.add(new Output("calibrate --output", Kind.RECIPE, null, t -> list("calibrate", "--input", path(
			"scope.tif"), "--output", t.toString())));
		o.add(new Output("export --output (bioimage.io)", Kind.PACKAGE, null, t -> list("export",
			"--model", model, "--output", t + ".zip")));
		o.add(new Output("export --output (SavedModel)", Kind.SAVED_MODEL, null, t -> list("export",
			"--model", model, "--output", t.toString())));
		o.add(new Output("convert OUT.tif", Kind.MOVIE, null, t -> list("convert", path("movie.czi"), t
			.toString())));
		o.add(new Output("synth OUT.tif", Kind.MOVIE, null, t -> list("synth", t.toString(), "--frames",
			"2", "--width", "16", "--height", "16")));
		o.add(new Output("slurm superres --scripts", Kind.SCRIPT, "superres.sbatch", t -> list("slurm",
			"superres", "--model", model, "--input", movie, "--output", path("sout"), "--scripts", t
				.toString())));
		o.add(new Output("slurm train --scripts", Kind.SCRIPT, "train.sbatch", t -> list("slurm", "train",
			"--scripts", t.toString(), "--", "--data", path("twins"), "--output", t.resolveSibling(
				"trained.pssr.zip").toString())));
		o.add(new Output("slurm superres: the movies its jobs write", Kind.MOVIE, "movie_pssr.tif",
			t -> list("slurm", "superres", "--model", model, "--input", movie, "--output", t.toString(),
				"--scripts", t.resolveSibling("scripts-" + t.getFileName()).toString())));
		o.add(new Output("slurm train: the model its job writes", Kind.MODEL, "m.pssr.zip", t -> list(
			"slurm", "train", "--scripts", t.resolve("scripts").toString(), "--", "--data", path("twins"),
			"--output", t.resolve("m.pssr.zip").toString())));
		o.add(new Output("study --output", Kind.PAGE, null, t -> study(t.toString(), null)));
		o.add(new Output("study --plot", Kind.FIGURE, null, t -> study(t.resolveSibling("page-" + t
			.getFileName() + ".md").toString(), t.toString())));
		return o;
	}

	/** Two small movies, one tiny model each: trained once, used again by the studies that follow. */
	private static List<String> study(final String page, final String plot) {
		final List<String> args = list("study", "--movies", path("movie.tif"), path("movie2.tif"), "--set",
			"epochs=1", "--set", "samples=12", "--set", "tile=16", "--set", "scale=2", "--set", "batch=4",
			"--set", "device=cpu", "--work", path("study-work"), "--output", page);
		if (plot != null) args.addAll(List.of("--plot", plot));
		return args;
	}

	@TestFactory
	Stream<DynamicTest> everyOutputOptionRefusesWhatPssrDidNotMakeAndReplacesItsOwnOnlyWithOverwrite() {
		return outputs().stream().map(o -> DynamicTest.dynamicTest(o.option, () -> walk(o)));
	}

	/**
	 * The demo writes five files into its folder: each of the user's is refused, earlier ones of
	 * pssr's are refused without {@code --overwrite}, and all five are replaced with it.
	 */
	@TestFactory
	Stream<DynamicTest> theDemoRefusesEachFileOfTheUsersAndReplacesItsOwnWithOverwrite() {
		final Map<String, Kind> files = new java.util.LinkedHashMap<>();
		files.put("synthetic_hr.tif", Kind.MOVIE);
		files.put("heldout_hr.tif", Kind.MOVIE);
		files.put("twins", Kind.DATASET);
		files.put("model.pssr.zip", Kind.MODEL);
		files.put("evaluation.csv", Kind.TABLE);
		final Function<Path, List<String>> demo = t -> list("demo", "--output", t.toString(),
			"--samples", "12", "--epochs", "1", "--scale", "2");
		final List<DynamicTest> tests = new ArrayList<>();
		files.forEach((name, kind) -> tests.add(DynamicTest.dynamicTest("demo --output: " + name +
			" of the user's", () -> {
				final Path dir = Files.createTempDirectory(fixtures, "demo");
				foreign(dir.resolve("out").resolve(name), kind);
				refused(new Output("demo --output", kind, name, demo), Catalogue.snapshot(dir), dir,
					"never replaces");
			})));
		tests.add(DynamicTest.dynamicTest("demo --output: earlier files of pssr's", () -> {
			final Path dir = Files.createTempDirectory(fixtures, "demo");
			Files.createDirectories(dir.resolve("out"));
			for (final Map.Entry<String, Kind> f : files.entrySet())
				Catalogue.copy(EARLIER.get(f.getValue()), dir.resolve("out").resolve(f.getKey()));
			final Map<String, String> earlier = Catalogue.snapshot(dir);
			refused(new Output("demo --output", Kind.MOVIE, null, demo), earlier, dir, "--overwrite");
			final List<String> args = demo.apply(dir.resolve("out"));
			args.add("--overwrite");
			final MainRunner pssr = new MainRunner();
			assertEquals(ExitCodes.OK, pssr.run(args.toArray(new String[0])), pssr.err);
			final Map<String, String> now = Catalogue.snapshot(dir);
			for (final Map.Entry<String, Kind> f : files.entrySet()) {
				final Path file = dir.resolve("out").resolve(f.getKey());
				assertTrue(OutputRules.KEEP.made(file, f.getValue()), file.toString());
				assertNotEquals(under(earlier, "out/" + f.getKey()), under(now, "out/" + f.getKey()), f.getKey());
			}
		}));
		return tests.stream();
	}

	/** A file (a folder, for folder kinds) of the user's at {@code target}. */
	private static Path foreign(final Path target, final Kind kind) throws IOException {
		Files.createDirectories(target.getParent());
		if (kind == Kind.DATASET || kind == Kind.SAVED_MODEL) {
			Files.createDirectories(target);
			Files.write(target.resolve("mine.txt"), "the user's".getBytes(StandardCharsets.UTF_8));
			return target;
		}
		final Path file = kind == Kind.PACKAGE ? Path.of(target + ".zip") : target;
		Files.write(file, "the user's".getBytes(StandardCharsets.UTF_8));
		return file;
	}

	private static void walk(final Output o) throws IOException {
		final Path dir = Files.createTempDirectory(fixtures, "walk");
		final Path named = dir.resolve("out");
		final Path target = o.inside == null ? named : named.resolve(o.inside);
		// the command line first: the join's parts are put in place by it
		final List<String> args = o.args.apply(named);
		// a file (or folder) of the user's: refused, left as it was
		final Path written = foreign(target, o.kind);
		final Map<String, String> foreign = Catalogue.snapshot(dir);
		refused(o, foreign, dir, "never replaces");
		// an earlier output of pssr's of the same kind: refused without --overwrite
		Folders.deleteTree(written);
		Catalogue.copy(EARLIER.get(o.kind), written);
		final Map<String, String> earlier = Catalogue.snapshot(dir);
		refused(o, earlier, dir, "--overwrite");
		// replaced with --overwrite, by an output of the same kind; a job replaces it when it runs
		args.add("--overwrite");
		final MainRunner pssr = new MainRunner();
		assertEquals(ExitCodes.OK, pssr.run(args.toArray(new String[0])), o.option + ": " + pssr.err);
		assertEquals("", pssr.err, o.option);
		assertTrue(OutputRules.KEEP.made(written, o.kind), o.option + ": " + written + " is " + o.kind);
		if (o.option.startsWith("slurm") && !o.option.endsWith("--scripts")) {
			try (Stream<Path> scripts = Files.walk(dir)) {
				assertTrue(scripts.filter(f -> f.toString().endsWith(".sbatch")).allMatch(f -> read(f)
					.contains(" --overwrite")), o.option + ": the jobs replace it");
			}
		}
		else assertNotEquals(under(earlier, dir.relativize(written).toString()), under(Catalogue.snapshot(
			dir), dir.relativize(written).toString()), o.option + ": replaced");
	}

	/** The entries of a snapshot at {@code name} and under it (a folder's files). */
	private static Map<String, String> under(final Map<String, String> snapshot, final String name) {
		final Map<String, String> entries = new java.util.TreeMap<>();
		snapshot.forEach((k, v) -> {
			if (k.equals(name) || k.startsWith(name + "/")) entries.put(k, v);
		});
		return entries;
	}

	private static String read(final Path file) {
		try {
			return Files.readString(file);
		}
		catch (final IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static void refused(final Output o, final Map<String, String> before, final Path dir,
		final String expected) throws IOException
	{
		final MainRunner pssr = new MainRunner();
		final int code = pssr.run(o.args.apply(dir.resolve("out")).toArray(new String[0]));
		assertEquals(ExitCodes.USAGE, code, o.option + ": " + pssr.err + pssr.out);
		assertTrue(pssr.err.startsWith("pssr: ") && pssr.err.indexOf('\n') == pssr.err.length() - 1 &&
			pssr.err.contains(expected), o.option + ": " + pssr.err);
		assertEquals(before, Catalogue.snapshot(dir), o.option + ": left as it was");
		assertFalse(pssr.err.contains("\tat "), pssr.err);
	}
}
