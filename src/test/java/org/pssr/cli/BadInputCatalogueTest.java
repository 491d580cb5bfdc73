package org.pssr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.pssr.crappify.io.Checksums;
import org.pssr.crappify.io.Folders;
import org.pssr.czi.CziFeatureFiles;

/**
 * The CLI's contract on bad input, case by case: every bad file, path and flag of the catalogue
 * exits 2 with one line on stderr that names the culprit and the reason, prints no stack trace,
 * writes nothing and changes nothing (the workspace holds the same files with the same bytes
 * afterwards, and no scratch folder is left in the temporary folder). Every case runs in a
 * workspace of its own, a copy of the fixtures generated at the start.
 */
class BadInputCatalogueTest {

	private static Path fixtures;

	/** A case: a name, what the error line must contain, a set-up, and the arguments. */
	private static final class Case {

		final String name;
		final String expected;
		final Setup setup;
		final String[] args;

		Case(final String name, final String expected, final Setup setup, final String... args) {
			this.name = name;
			this.expected = expected;
			this.setup = setup;
			this.args = args;
		}
	}

	@FunctionalInterface
	private interface Setup {

		void prepare(Path workspace) throws IOException;
	}

	private static final Setup NONE = ws -> {};

	@BeforeAll
	static void fixtures() throws IOException {
		fixtures = Files.createTempDirectory("pssr-bad-input-fixtures");
		save(series(32, 32, 6, (t, x, y) -> 100 + 40 * t + 3 * x + 2 * y + (x * y % 7)), "movie.tif");
		save(series(32, 32, 6, (t, x, y) -> 500), "flat.tif");
		save(series(32, 32, 1, (t, x, y) -> 100 + x + y), "one-frame.tif");
		save(series(8, 8, 6, (t, x, y) -> 100 + x + y + t), "tiny.tif");
		final ImageStack nan = new ImageStack(32, 32);
		for (int t = 0; t < 6; t++) {
			final FloatProcessor fp = new FloatProcessor(32, 32);
			for (int i = 0; i < 32 * 32; i++)
				fp.setf(i, 100 + i % 31 + t);
			if (t == 2) fp.setf(40, Float.NaN);
			nan.addSlice(fp);
		}
		final ImagePlus nanMovie = new ImagePlus("nan", nan);
		nanMovie.setDimensions(1, 1, 6);
		IJ.saveAsTiff(nanMovie, fixtures.resolve("nan.tif").toString());
		IJ.saveAsTiff(new ImagePlus("rgb", new ColorProcessor(32, 32)), fixtures.resolve("rgb.tif")
			.toString());
		final byte[] movie = Files.readAllBytes(fixtures.resolve("movie.tif"));
		Files.write(fixtures.resolve("empty.tif"), new byte[0]);
		Files.write(fixtures.resolve("text.tif"), "not a TIFF at all\n".getBytes(StandardCharsets.UTF_8));
		Files.write(fixtures.resolve("cut.tif"), java.util.Arrays.copyOf(movie, movie.length * 3 / 5));
		Files.write(fixtures.resolve("header-only.tif"), java.util.Arrays.copyOf(movie, 10));
		Files.write(fixtures.resolve("wide.tif"), Tiffs.withTag(movie, 256, 1_000_000));
		Files.write(fixtures.resolve("far-strips.tif"), Tiffs.withTag(movie, 273, 0x7FFF_FFF0));
		Files.createDirectory(fixtures.resolve("folder.tif"));
		Files.copy(BadInputCatalogueTest.class.getResourceAsStream(
			"/org/pssr/train/legacy/format1-tiny.pssr.zip"), fixtures.resolve("model.pssr.zip"));
		final byte[] model = Files.readAllBytes(fixtures.resolve("model.pssr.zip"));
		Files.write(fixtures.resolve("flipped.pssr.zip"), Bytes.flipped(model, model.length * 3 / 5));
		Files.write(fixtures.resolve("cut.pssr.zip"), java.util.Arrays.copyOf(model, model.length / 2));
		Files.write(fixtures.resolve("empty.pssr.zip"), new byte[0]);
		Files.write(fixtures.resolve("text.pssr.zip"), "a note".getBytes(StandardCharsets.UTF_8));
		Zips.write(fixtures.resolve("no-json.pssr.zip"), Map.of("weights.bin", new byte[64]));
		Zips.write(fixtures.resolve("bad-json.pssr.zip"), Map.of("model.json", "{not json".getBytes(
			StandardCharsets.UTF_8), "weights.bin", new byte[64]));
		Zips.write(fixtures.resolve("future.pssr.zip"), Map.of("model.json", Bundles.json(model)
			.replace("\"formatVersion\":1", "\"formatVersion\":99").getBytes(StandardCharsets.UTF_8),
			"weights.bin", new byte[64]));
		Zips.write(fixtures.resolve("short-weights.pssr.zip"), Map.of("model.json", Bundles.json(model)
			.getBytes(StandardCharsets.UTF_8), "weights.bin", new byte[64]));
		Zips.write(fixtures.resolve("slip.pssr.zip"), Map.of("../../evil.txt", new byte[4], "model.json",
			Bundles.json(model).getBytes(StandardCharsets.UTF_8)));
		Packages.write(fixtures);
		Files.createDirectories(fixtures.resolve("empty-savedmodel"));
		Files.createDirectories(fixtures.resolve("junk-savedmodel"));
		Files.write(fixtures.resolve("junk-savedmodel/saved_model.pb"), "junk".getBytes(
			StandardCharsets.UTF_8));
		final Path czi = CziFeatureFiles.calibratedTimeLapse(Files.createDirectories(fixtures.resolve(
			"czi"))).file();
		final byte[] cziBytes = Files.readAllBytes(czi);
		Files.write(fixtures.resolve("movie.czi"), cziBytes);
		Files.write(fixtures.resolve("cut.czi"), java.util.Arrays.copyOf(cziBytes, cziBytes.length / 3));
		Files.write(fixtures.resolve("garbage.czi"), "ZISRAW? no".getBytes(StandardCharsets.UTF_8));
		Files.write(fixtures.resolve("empty.czi"), new byte[0]);
		Folders.deleteTree(fixtures.resolve("czi"));
		Files.write(fixtures.resolve("notes.txt"), "the user's notes\n".getBytes(StandardCharsets.UTF_8));
		Files.createDirectories(fixtures.resolve("full"));
		Files.write(fixtures.resolve("full/keep.txt"), "keep me".getBytes(StandardCharsets.UTF_8));
		assertEquals(ExitCodes.OK, new MainRunner().run("crappify", "--input", fixtures.resolve(
			"movie.tif").toString(), "--output", fixtures.resolve("twins").toString(), "--scale", "2",
			"--tile", "16", "--samples", "6", "--min-signal", "-1"));
	}

	@AfterAll
	static void removeFixtures() throws IOException {
		Folders.deleteTree(fixtures);
	}

	@TestFactory
	Stream<DynamicTest> everyBadInputIsRefusedInOneLineAndLeavesEverythingAsItWas() {
		final List<Case> cases = catalogue();
		assertTrue(cases.size() >= 300, "the catalogue has " + cases.size() + " cases");
		return cases.stream().map(c -> DynamicTest.dynamicTest(c.name, () -> check(c)));
	}

	private static void check(final Case c) throws IOException {
		final Path ws = Files.createTempDirectory("pssr-bad-input");
		try {
			copy(fixtures, ws);
			c.setup.prepare(ws);
			final Map<String, String> before = snapshot(ws);
			final List<String> scratchBefore = scratch();
			final String[] args = new String[c.args.length];
			for (int i = 0; i < args.length; i++)
				args[i] = c.args[i].replace("{ws}", ws.toString());
			final MainRunner pssr = new MainRunner();
			final int code = pssr.run(args);
			// Progress lines may come first; the refusal is the one line that starts with "pssr: ".
			final List<String> refusal = pssr.err.lines().filter(l -> l.startsWith("pssr: ")).collect(
				Collectors.toList());
			assertEquals(ExitCodes.USAGE, code, c.name + ": exit code; stderr: " + pssr.err);
			assertEquals(1, refusal.size(), c.name + ": " + pssr.err);
			final String first = refusal.get(0);
			assertTrue(first.toLowerCase(java.util.Locale.ROOT).contains(c.expected.toLowerCase(
				java.util.Locale.ROOT)), c.name + ": expected '" + c.expected + "' in: " + first);
			assertFalse(pssr.err.contains("\tat "), c.name + ": a stack trace: " + pssr.err);
			assertEquals(before, snapshot(ws), c.name + ": the workspace changed");
			assertEquals(scratchBefore, scratch(), c.name + ": a scratch folder was left behind");
		}
		finally {
			Folders.deleteTree(ws);
		}
	}

	private static List<Case> catalogue() {
		final List<Case> all = new ArrayList<>();
		flags(all);
		movies(all);
		models(all);
		paths(all);
		return all;
	}

	/** Out-of-bounds, malformed and absurd values of every numeric or enumerated option. */
	private static void flags(final List<Case> all) {
		final String[] crappify = { "crappify", "--input", "{ws}/movie.tif", "--output", "{ws}/ds",
			"--scale", "2", "--tile", "16", "--samples", "6" };
		final String[] train = { "train", "--data", "{ws}/twins", "--output", "{ws}/m2.pssr.zip",
			"--epochs", "1" };
		final String[] fly = { "train", "--movies", "{ws}/movie.tif", "--output", "{ws}/m2.pssr.zip",
			"--scale", "2", "--tile", "16", "--samples", "6", "--epochs", "1" };
		final String[] superres = { "superres", "--model", "{ws}/model.pssr.zip", "--input",
			"{ws}/movie.tif", "--output", "{ws}/out.tif" };
		final String[] evaluate = { "evaluate", "--model", "{ws}/model.pssr.zip", "--truth",
			"{ws}/movie.tif" };
		final String[] synth = { "synth", "{ws}/synth.tif", "--frames", "2" };
		final String[] demo = { "demo", "--output", "{ws}/demo" };
		final String[] bench = { "bench", "--quick", "--only", "peak", "--no-reference", "--output",
			"{ws}/bench" };
		final String[] convert = { "convert", "{ws}/movie.czi", "{ws}/converted.tif" };
		final String[] export = { "export", "--model", "{ws}/model.pssr.zip", "--output",
			"{ws}/exported" };
		final String[] notInt = { "abc", "1.5", "", "99999999999" };
		for (final String[] base : List.of(crappify, fly)) {
			final String what = base[0] + (base == fly ? " --movies" : "");
			option(all, what, base, "--scale", "scale", "0", "3", "-4", "16", "1");
			option(all, what, base, "--scale", "", notInt);
			option(all, what, base, "--frames", "frames", "0", "2", "7", "-1");
			option(all, what, base, "--frames", "", notInt);
			option(all, what, base, "--tile", "tile", "0", "7", "5000", "-16", "17");
			option(all, what, base, "--tile", "", notInt);
			option(all, what, base, "--samples", "samples", "0", "-5", "10000001", "2147483647");
			option(all, what, base, "--samples", "", "2147483648", "abc", "1e3");
			option(all, what, base, "--validation", "validation", "-0.1", "0.95", "NaN", "Infinity", "1");
			option(all, what, base, "--validation", "", "abc");
			option(all, what, base, "--min-signal", "min signal", "1", "NaN", "Infinity", "-Infinity");
			option(all, what, base, "--channel", "channel", "0", "-1", "2");
			option(all, what, base, "--recipe", "recipe", "bogus", "PSSR2", "");
			option(all, what, base, "--param", "param", "sigma=abc", "bogus=1", "=1", "sigma");
			option(all, what, base, "--seed", "", "abc", "1.5");
		}
		option(all, "crappify", crappify, "--threads", "threads", "-1", "2000");
		option(all, "crappify", crappify, "--threads", "", "many");
		for (final String[] base : List.of(train, fly)) {
			final String what = base[0] + (base == fly ? " --movies" : "");
			option(all, what, base, "--epochs", "epochs", "0", "-1", "100001");
			option(all, what, base, "--epochs", "", notInt);
			option(all, what, base, "--batch", "batch", "0", "-2", "5000");
			option(all, what, base, "--batch", "", "abc");
			option(all, what, base, "--lr", "learning rate", "0", "-1", "1e30", "Infinity", "NaN", "2");
			option(all, what, base, "--lr", "", "abc", "");
			option(all, what, base, "--wd", "weight decay", "-1", "1", "NaN", "Infinity");
			option(all, what, base, "--stability", "stability", "-1", "101", "NaN", "Infinity");
			option(all, what, base, "--progress-every", "progress", "0", "-1");
			option(all, what, base, "--preset", "preset", "huge", "", "small2");
			option(all, what, base, "--device", "device", "tpu", "cuda:7x", "");
		}
		option(all, "train", train, "--resume", "no checkpoint", "{ws}/missing.ckpt");
		option(all, "train", train, "--resume", "checkpoint", "{ws}/notes.txt", "{ws}/movie.tif",
			"{ws}/model.pssr.zip");
		option(all, "train", train, "--resume", "no checkpoint", "{ws}/full");
		for (final String[] base : List.of(superres, evaluate)) {
			option(all, base[0], base, "--tile", "tile", "-1", "5000");
			option(all, base[0], base, "--tile", "", notInt);
			option(all, base[0], base, "--channel", "channel", "0", "-1", "3");
			option(all, base[0], base, "--channel", "", "abc");
			option(all, base[0], base, "--device", "device", "tpu", "");
		}
		option(all, "superres", superres, "--bits", "bits", "8", "64", "0", "-32");
		option(all, "superres", superres, "--bits", "", "abc");
		option(all, "evaluate", evaluate, "--seed", "", "abc");
		option(all, "synth", synth, "--width", "pixels", "0", "15", "-1", "1000000");
		option(all, "synth", synth, "--height", "pixels", "0", "15", "1000000");
		option(all, "synth", synth, "--frames", "frame", "0", "-1", "2000000");
		option(all, "synth", synth, "--width", "", "abc");
		option(all, "demo", demo, "--epochs", "epochs", "0", "-1");
		option(all, "demo", demo, "--samples", "samples", "0", "1");
		option(all, "demo", demo, "--scale", "scale", "3", "0");
		option(all, "demo", demo, "--device", "device", "tpu");
		option(all, "bench", bench, "--device", "device", "tpu", "auto", "");
		option(all, "convert", convert, "--scene", "scene", "-1", "99");
		option(all, "export", export, "--format", "format", "onnx", "tf");
		option(all, "export", export, "--license", "license", "not a licence!", "");
		option(all, "export", export, "--output-units", "output units", "kelvin", "",
			"normalised,input");
		all.add(new Case("unknown subcommand", "unmatched", NONE, "superresolve", "--model", "x"));
		all.add(new Case("unknown option", "unknown option", NONE, "superres", "--model",
			"{ws}/model.pssr.zip", "--input", "{ws}/movie.tif", "--output", "{ws}/out.tif", "--modle", "x"));
		all.add(new Case("missing required option", "missing required", NONE, "superres", "--input",
			"{ws}/movie.tif"));
		all.add(new Case("train without data", "either --data", NONE, "train", "--output",
			"{ws}/m2.pssr.zip"));
		all.add(new Case("train with data and movies", "either --data", NONE, "train", "--data",
			"{ws}/twins", "--movies", "{ws}/movie.tif", "--output", "{ws}/m2.pssr.zip"));
	}

	private static void option(final List<Case> all, final String what, final String[] base,
		final String option, final String expected, final String... values)
	{
		for (final String v : values) {
			final List<String> args = new ArrayList<>(List.of(base));
			final int i = args.indexOf(option);
			if (i >= 0) args.set(i + 1, v);
			else {
				args.add(option);
				args.add(v);
			}
			all.add(new Case(what + " " + option + " '" + v + "'", expected.isEmpty() ? option
				: expected, NONE, args.toArray(new String[0])));
		}
	}

	/** Damaged, degenerate and unsuitable movies, for every command that reads one. */
	private static void movies(final List<Case> all) {
		final Map<String, String> bad = new TreeMap<>();
		bad.put("empty.tif", "empty");
		bad.put("text.tif", "text.tif");
		bad.put("cut.tif", "cut short");
		bad.put("header-only.tif", "header-only.tif");
		bad.put("wide.tif", "wide.tif");
		bad.put("far-strips.tif", "far-strips.tif");
		bad.put("rgb.tif", "rgb");
		bad.put("folder.tif", "folder");
		bad.put("missing.tif", "missing.tif");
		bad.put("cut.czi", "cut.czi");
		bad.put("garbage.czi", "garbage.czi");
		bad.put("empty.czi", "empty.czi");
		bad.put("notes.txt", "notes.txt");
		for (final Map.Entry<String, String> e : bad.entrySet()) {
			final String in = "{ws}/" + e.getKey();
			all.add(new Case("superres " + e.getKey(), e.getValue(), NONE, "superres", "--model",
				"{ws}/model.pssr.zip", "--input", in, "--output", "{ws}/out.tif"));
			all.add(new Case("evaluate " + e.getKey(), e.getValue(), NONE, "evaluate", "--model",
				"{ws}/model.pssr.zip", "--truth", in));
			all.add(new Case("crappify " + e.getKey(), e.getValue(), NONE, "crappify", "--input", in,
				"--output", "{ws}/ds", "--scale", "2", "--tile", "16", "--samples", "6"));
			all.add(new Case("train --movies " + e.getKey(), e.getValue(), NONE, "train", "--movies", in,
				"--output", "{ws}/m2.pssr.zip", "--scale", "2", "--tile", "16", "--samples", "6"));
		}
		for (final String c : List.of("cut.czi", "garbage.czi", "empty.czi")) {
			all.add(new Case("info " + c, c, NONE, "info", "{ws}/" + c));
			all.add(new Case("convert " + c, c, NONE, "convert", "{ws}/" + c, "{ws}/converted.tif"));
		}
		all.add(new Case("superres NaN frame", "NaN", NONE, "superres", "--model", "{ws}/model.pssr.zip",
			"--input", "{ws}/nan.tif", "--output", "{ws}/out.tif"));
		all.add(new Case("crappify NaN frame", "NaN", NONE, "crappify", "--input", "{ws}/nan.tif",
			"--output", "{ws}/ds", "--scale", "2", "--tile", "16", "--samples", "6"));
		all.add(new Case("evaluate flat truth", "contrast", NONE, "evaluate", "--model",
			"{ws}/model.pssr.zip", "--truth", "{ws}/flat.tif"));
		all.add(new Case("crappify flat movie", "contrast", NONE, "crappify", "--input", "{ws}/flat.tif",
			"--output", "{ws}/ds", "--scale", "2", "--tile", "16", "--samples", "6"));
		all.add(new Case("superres one frame, three-frame model", "frame", NONE, "superres", "--model",
			"{ws}/model.pssr.zip", "--input", "{ws}/one-frame.tif", "--output", "{ws}/out.tif"));
		all.add(new Case("crappify tile larger than the movie", "tile", NONE, "crappify", "--input",
			"{ws}/tiny.tif", "--output", "{ws}/ds", "--scale", "2", "--tile", "16", "--samples", "6"));
		all.add(new Case("evaluate truth too small", "too small", NONE, "evaluate", "--model",
			"{ws}/model.pssr.zip", "--truth", "{ws}/tiny.tif"));
		all.add(new Case("crappify a folder without movies", "no .tif", NONE, "crappify", "--input",
			"{ws}/full", "--output", "{ws}/ds", "--scale", "2", "--tile", "16", "--samples", "6"));
		all.add(new Case("superres a folder without movies", "no .tif", NONE, "superres", "--model",
			"{ws}/model.pssr.zip", "--input", "{ws}/full", "--output", "{ws}/outs"));
		all.add(new Case("train on a folder that is no dataset", "full", NONE, "train", "--data",
			"{ws}/full", "--output", "{ws}/m2.pssr.zip"));
		all.add(new Case("train on a missing dataset", "nothing", NONE, "train", "--data", "{ws}/nothing",
			"--output", "{ws}/m2.pssr.zip"));
	}

	/** Damaged and foreign model files, for every command that reads one. */
	private static void models(final List<Case> all) {
		final Map<String, String> bad = new TreeMap<>();
		bad.put("flipped.pssr.zip", "flipped.pssr.zip");
		bad.put("cut.pssr.zip", "cut.pssr.zip");
		bad.put("empty.pssr.zip", "empty.pssr.zip");
		bad.put("text.pssr.zip", "text.pssr.zip");
		bad.put("no-json.pssr.zip", "model.json");
		bad.put("bad-json.pssr.zip", "bad-json.pssr.zip");
		bad.put("future.pssr.zip", "version 99");
		bad.put("short-weights.pssr.zip", "weights");
		bad.put("slip.pssr.zip", "slip.pssr.zip");
		bad.put("missing.pssr.zip", "missing.pssr.zip");
		bad.put("movie.tif", "movie.tif");
		bad.put("full", "full");
		bad.put("empty-savedmodel", "empty-savedmodel");
		bad.put("junk-savedmodel", "junk-savedmodel");
		for (final String p : Packages.NAMES)
			bad.put(p, p);
		bad.put("sigmoid-output.zip", "sigmoid-output.zip: output post-processing 'sigmoid'");
		for (final Map.Entry<String, String> e : bad.entrySet()) {
			final String m = "{ws}/" + e.getKey();
			all.add(new Case("superres with " + e.getKey(), e.getValue(), NONE, "superres", "--model", m,
				"--input", "{ws}/movie.tif", "--output", "{ws}/out.tif"));
			all.add(new Case("evaluate with " + e.getKey(), e.getValue(), NONE, "evaluate", "--model", m,
				"--truth", "{ws}/movie.tif"));
			if (e.getKey().endsWith(".pssr.zip")) all.add(new Case("export " + e.getKey(), e.getValue(),
				NONE, "export", "--model", m, "--output", "{ws}/exported"));
		}
	}

	/** Outputs that would destroy an input, the model or the user's files. */
	private static void paths(final List<Case> all) {
		all.add(new Case("superres onto its input", "input movie", NONE, "superres", "--model",
			"{ws}/model.pssr.zip", "--input", "{ws}/movie.tif", "--output", "{ws}/movie.tif"));
		all.add(new Case("superres onto its input through a link", "input movie", ws -> Files
			.createSymbolicLink(ws.resolve("link.tif"), ws.resolve("movie.tif")), "superres", "--model",
			"{ws}/model.pssr.zip", "--input", "{ws}/movie.tif", "--output", "{ws}/link.tif"));
		all.add(new Case("superres onto its input through a linked folder", "input movie", ws -> Files
			.createSymbolicLink(ws.resolve("again"), ws), "superres", "--model", "{ws}/model.pssr.zip",
			"--input", "{ws}/movie.tif", "--output", "{ws}/again/movie.tif"));
		all.add(new Case("superres onto its input by ..", "input movie", NONE, "superres", "--model",
			"{ws}/model.pssr.zip", "--input", "{ws}/movie.tif", "--output", "{ws}/full/../movie.tif"));
		all.add(new Case("superres onto the model", "the model", NONE, "superres", "--model",
			"{ws}/model.pssr.zip", "--input", "{ws}/movie.tif", "--output", "{ws}/model.pssr.zip"));
		all.add(new Case("superres onto the model through a link", "the model", ws -> Files
			.createSymbolicLink(ws.resolve("m.tif"), ws.resolve("model.pssr.zip")), "superres", "--model",
			"{ws}/model.pssr.zip", "--input", "{ws}/movie.tif", "--output", "{ws}/m.tif"));
		all.add(new Case("superres into a folder", "folder", NONE, "superres", "--model",
			"{ws}/model.pssr.zip", "--input", "{ws}/movie.tif", "--output", "{ws}/full"));
		all.add(new Case("superres under a file", "not a folder", NONE, "superres", "--model",
			"{ws}/model.pssr.zip", "--input", "{ws}/movie.tif", "--output", "{ws}/notes.txt/out.tif"));
		all.add(new Case("superres of a missing folder", "nothing", NONE, "superres", "--model",
			"{ws}/model.pssr.zip", "--input", "{ws}/nothing", "--output", "{ws}/out"));
		all.add(new Case("crappify into the folder of its input", "input movie", NONE, "crappify",
			"--input", "{ws}/movie.tif", "--output", "{ws}", "--scale", "2", "--tile", "16", "--samples",
			"6"));
		all.add(new Case("crappify into a dataset holding its input", "input movie", ws -> Files.copy(ws
			.resolve("movie.tif"), ws.resolve("twins/movie.tif")), "crappify", "--input",
			"{ws}/twins/movie.tif", "--output", "{ws}/twins", "--scale", "2", "--tile", "16", "--samples",
			"6"));
		all.add(new Case("crappify into a folder of the user's files", "not a twin dataset", NONE,
			"crappify", "--input", "{ws}/movie.tif", "--output", "{ws}/full", "--scale", "2", "--tile",
			"16", "--samples", "6"));
		all.add(new Case("crappify onto a file", "is a file", NONE, "crappify", "--input",
			"{ws}/movie.tif", "--output", "{ws}/notes.txt", "--scale", "2", "--tile", "16", "--samples",
			"6"));
		all.add(new Case("crappify onto the input movie", "input movie", NONE, "crappify", "--input",
			"{ws}/movie.tif", "--output", "{ws}/movie.tif", "--scale", "2", "--tile", "16", "--samples",
			"6"));
		all.add(new Case("train onto a file without the bundle suffix", ".pssr.zip", NONE, "train",
			"--data", "{ws}/twins", "--output", "{ws}/notes.txt"));
		all.add(new Case("train onto a folder", "folder", ws -> Files.createDirectory(ws.resolve(
			"dir.pssr.zip")), "train", "--data", "{ws}/twins", "--output", "{ws}/dir.pssr.zip",
			"--epochs", "1"));
		all.add(new Case("export onto an existing folder", "already exists", NONE, "export", "--model",
			"{ws}/model.pssr.zip", "--output", "{ws}/full"));
		all.add(new Case("export onto an existing file", "already exists", NONE, "export", "--model",
			"{ws}/model.pssr.zip", "--output", "{ws}/notes.txt"));
		all.add(new Case("export a package onto the model", "already exists", NONE, "export", "--model",
			"{ws}/model.pssr.zip", "--output", "{ws}/model.pssr.zip"));
		all.add(new Case("export a SavedModel with input units", "output units", NONE, "export",
			"--model", "{ws}/model.pssr.zip", "--output", "{ws}/exported", "--output-units", "input"));
		all.add(new Case("convert onto its input", "input file", NONE, "convert", "{ws}/movie.czi",
			"{ws}/movie.czi"));
		all.add(new Case("convert under a file", "not a folder", NONE, "convert", "{ws}/movie.czi",
			"{ws}/notes.txt/x.tif"));
		all.add(new Case("synth onto a folder", "folder", NONE, "synth", "{ws}/full", "--frames", "2"));
		all.add(new Case("synth under a file", "not a folder", NONE, "synth", "{ws}/notes.txt/s.tif",
			"--frames", "2"));
		all.add(new Case("demo into a folder with a dataset", "exists", ws -> Files.createDirectories(ws
			.resolve("demo/twins")), "demo", "--output", "{ws}/demo"));
		all.add(new Case("evaluate CSV under a file", "not a folder", NONE, "evaluate", "--model",
			"{ws}/model.pssr.zip", "--truth", "{ws}/movie.tif", "--csv", "{ws}/notes.txt/x.csv"));
		all.add(new Case("evaluate CSV onto the truth", "truth", NONE, "evaluate", "--model",
			"{ws}/model.pssr.zip", "--truth", "{ws}/movie.tif", "--csv", "{ws}/movie.tif"));
		all.add(new Case("evaluate CSV onto the model", "the model", NONE, "evaluate", "--model",
			"{ws}/model.pssr.zip", "--truth", "{ws}/movie.tif", "--csv", "{ws}/model.pssr.zip"));
	}

	/** Every file under {@code root} (hidden ones too) and its SHA-256; folders as "dir". */
	private static Map<String, String> snapshot(final Path root) throws IOException {
		try (Stream<Path> all = Files.walk(root)) {
			return all.filter(p -> !p.equals(root)).collect(Collectors.toMap(p -> root.relativize(p)
				.toString(), p -> {
					try {
						if (Files.isSymbolicLink(p)) return "link " + Files.readSymbolicLink(p);
						return Files.isDirectory(p) ? "dir" : Checksums.sha256(p);
					}
					catch (final IOException e) {
						throw new UncheckedIOException(e);
					}
				}, (a, b) -> a, TreeMap::new));
		}
	}

	/** pssr's scratch folders in the system's temporary folder. */
	private static List<String> scratch() throws IOException {
		try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
			return tmp.map(p -> p.getFileName().toString()).filter(n -> n.matches(
				"pssr-(bioimageio|export|train)-\\d+-\\d+")).sorted().collect(Collectors.toList());
		}
	}

	private static void copy(final Path from, final Path to) throws IOException {
		try (Stream<Path> all = Files.walk(from)) {
			for (final Path p : (Iterable<Path>) all::iterator) {
				final Path target = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) Files.createDirectories(target);
				else Files.copy(p, target);
			}
		}
	}

	@FunctionalInterface
	private interface Pixel {

		int value(int t, int x, int y);
	}

	private static ImagePlus series(final int w, final int h, final int frames, final Pixel pixel) {
		final ImageStack stack = new ImageStack(w, h);
		for (int t = 0; t < frames; t++) {
			final ShortProcessor sp = new ShortProcessor(w, h);
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++)
					sp.set(x, y, pixel.value(t, x, y));
			stack.addSlice(sp);
		}
		final ImagePlus imp = new ImagePlus("series", stack);
		imp.setDimensions(1, 1, frames);
		return imp;
	}

	private static void save(final ImagePlus imp, final String name) {
		IJ.saveAsTiff(imp, fixtures.resolve(name).toString());
	}

	/** Zip files written entry by entry, names as given (also hostile ones). */
	static final class Zips {

		static void write(final Path file, final Map<String, byte[]> entries) throws IOException {
			try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(
				os))
			{
				for (final Map.Entry<String, byte[]> e : new TreeMap<>(entries).entrySet()) {
					zip.putNextEntry(new ZipEntry(e.getKey()));
					zip.write(e.getValue());
					zip.closeEntry();
				}
			}
		}
	}

	static final class Bytes {

		static byte[] flipped(final byte[] bytes, final int at) {
			final byte[] copy = bytes.clone();
			copy[at] ^= 0x10;
			return copy;
		}
	}

	/** The model.json of a bundle. */
	static final class Bundles {

		static String json(final byte[] bundle) throws IOException {
			try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
				new java.io.ByteArrayInputStream(bundle)))
			{
				for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry())
					if (e.getName().equals("model.json")) return new String(in.readAllBytes(),
						StandardCharsets.UTF_8);
			}
			throw new IOException("no model.json");
		}
	}

	/** TIFF tags rewritten in place, in the first image directory. */
	static final class Tiffs {

		static byte[] withTag(final byte[] tiff, final int tag, final long value) {
			final java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(tiff.clone());
			b.order(tiff[0] == 'I' ? java.nio.ByteOrder.LITTLE_ENDIAN : java.nio.ByteOrder.BIG_ENDIAN);
			final int ifd = b.getInt(4);
			final int n = b.getShort(ifd) & 0xFFFF;
			for (int i = 0; i < n; i++) {
				final int entry = ifd + 2 + 12 * i;
				if ((b.getShort(entry) & 0xFFFF) != tag) continue;
				final int type = b.getShort(entry + 2);
				if (type == 3) b.putShort(entry + 8, (short) Math.min(value, 0xFFFF));
				else b.putInt(entry + 8, (int) value);
				if (type == 3 && value > 0xFFFF) {
					b.putShort(entry + 2, (short) 4);
					b.putInt(entry + 8, (int) value);
				}
				return b.array();
			}
			throw new IllegalArgumentException("no tag " + tag);
		}
	}

	/** bioimage.io packages that are broken in one way each, written by hand. */
	static final class Packages {

		static final List<String> NAMES = List.of("yaml-syntax.zip", "three-axes.zip", "unsafe-tag.zip",
			"cut-package.zip", "wrong-sha.zip", "no-rdf.zip", "dataset-type.zip", "pytorch-only.zip",
			"fixed-size.zip", "odd-scale.zip", "old-spec.zip", "outside-weights.zip",
			"sigmoid-output.zip");

		static void write(final Path dir) throws IOException {
			final byte[] weights = "not really a SavedModel".getBytes(StandardCharsets.UTF_8);
			final String sha = Checksums.sha256(weights);
			final String good = rdf("model", "0.5.3", "tensorflow_saved_model_bundle", "weights.zip", sha,
				"[{type: batch}, {type: space, id: y, size: {min: 16, step: 16}, scale: 1}, {type: space, id: x, size: {min: 16, step: 16}, scale: 1}, {type: channel}]",
				"0.5");
			pkg(dir, "yaml-syntax.zip", "type: model\nformat_version: [0.5.3\n", weights);
			pkg(dir, "three-axes.zip", good.replace(
				"[{type: batch}, {type: space, id: y, size: {min: 16, step: 16}, scale: 1}, {type: space, id: x, size: {min: 16, step: 16}, scale: 1}, {type: channel}]",
				"[{type: batch}, {type: space, id: y}, {type: space, id: x}]"), weights);
			pkg(dir, "unsafe-tag.zip", "!!java.io.File [\"/etc/passwd\"]\n", weights);
			pkg(dir, "wrong-sha.zip", good.replace(sha, "0".repeat(64)), weights);
			pkg(dir, "no-rdf.zip", null, weights);
			pkg(dir, "dataset-type.zip", good.replace("type: model", "type: dataset"), weights);
			pkg(dir, "pytorch-only.zip", good.replace("tensorflow_saved_model_bundle",
				"pytorch_state_dict"), weights);
			pkg(dir, "fixed-size.zip", good.replace("size: {min: 16, step: 16}", "size: 64"), weights);
			pkg(dir, "odd-scale.zip", good.replace("scale: 0.5", "scale: 0.4"), weights);
			pkg(dir, "old-spec.zip", good.replace("format_version: 0.5.3", "format_version: 0.4.10"),
				weights);
			pkg(dir, "outside-weights.zip", good.replace("source: weights.zip", "source: ../weights.zip"),
				weights);
			// a step pssr's own map back to the movie's intensities cannot stand in for
			pkg(dir, "sigmoid-output.zip", good + "    postprocessing: [{id: sigmoid}]\n", weights);
			final byte[] whole = Files.readAllBytes(dir.resolve("wrong-sha.zip"));
			Files.write(dir.resolve("cut-package.zip"), java.util.Arrays.copyOf(whole, whole.length / 2));
		}

		private static void pkg(final Path dir, final String name, final String rdf,
			final byte[] weights) throws IOException
		{
			final Map<String, byte[]> entries = new TreeMap<>();
			if (rdf != null) entries.put("rdf.yaml", rdf.getBytes(StandardCharsets.UTF_8));
			entries.put("weights.zip", weights);
			Zips.write(dir.resolve(name), entries);
		}

		private static String rdf(final String type, final String version, final String weights,
			final String source, final String sha, final String inAxes, final String outScale)
		{
			return "type: " + type + "\nformat_version: " + version + "\nname: broken\n" + "weights:\n  " +
				weights + ":\n    source: " + source + "\n    sha256: " + sha + "\n" +
				"inputs:\n  - id: input\n    axes: " + inAxes + "\n" +
				"outputs:\n  - id: output\n    axes: [{type: batch}, {type: space, id: y, scale: " +
				outScale + "}, {type: space, id: x, scale: " + outScale + "}, {type: channel}]\n";
		}
	}
}
