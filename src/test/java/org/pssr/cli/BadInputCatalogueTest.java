package org.pssr.cli;

import static org.pssr.cli.Catalogue.NONE;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.pssr.cli.Catalogue.Case;
import org.pssr.cli.Catalogue.Packages;

/**
 * The CLI's contract on bad input, case by case: every bad file, path and flag of the catalogue
 * exits 2 with one line on stderr that names the culprit and the reason, prints no stack trace,
 * writes nothing and changes nothing ({@link Catalogue#check}). Every case runs in a workspace of
 * its own, a copy of the fixtures generated at the start.
 */
class BadInputCatalogueTest extends CatalogueTest {

	@TestFactory
	Stream<DynamicTest> everyBadInputIsRefusedInOneLineAndLeavesEverythingAsItWas() {
		return checked(catalogue(), 300);
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
		final Map<String, String> bad = namingThemselves(List.of("text.tif", "header-only.tif",
			"wide.tif", "far-strips.tif", "missing.tif", "cut.czi", "garbage.czi", "empty.czi",
			"notes.txt"));
		bad.put("empty.tif", "empty");
		bad.put("cut.tif", "cut short");
		bad.put("rgb.tif", "rgb");
		bad.put("folder.tif", "folder");
		eachBadFile(all, bad, "superres", "superres", "--model", "{ws}/model.pssr.zip", "--input", BAD,
			"--output", "{ws}/out.tif");
		eachBadFile(all, bad, "evaluate", "evaluate", "--model", "{ws}/model.pssr.zip", "--truth", BAD);
		eachBadFile(all, bad, "crappify", "crappify", "--input", BAD, "--output", "{ws}/ds", "--scale",
			"2", "--tile", "16", "--samples", "6");
		eachBadFile(all, bad, "train --movies", "train", "--movies", BAD, "--output",
			"{ws}/m2.pssr.zip", "--scale", "2", "--tile", "16", "--samples", "6");
		final Map<String, String> czi = namingThemselves(List.of("cut.czi", "garbage.czi",
			"empty.czi"));
		eachBadFile(all, czi, "info", "info", BAD);
		eachBadFile(all, czi, "convert", "convert", BAD, "{ws}/converted.tif");
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
		final Map<String, String> bad = namingThemselves(List.of("flipped.pssr.zip", "cut.pssr.zip",
			"empty.pssr.zip", "text.pssr.zip", "bad-json.pssr.zip", "slip.pssr.zip", "missing.pssr.zip",
			"movie.tif", "full", "empty-savedmodel", "junk-savedmodel"));
		bad.putAll(namingThemselves(Packages.NAMES));
		bad.put("no-json.pssr.zip", "model.json");
		bad.put("future.pssr.zip", "version 99");
		bad.put("short-weights.pssr.zip", "weights");
		bad.put("sigmoid-output.zip", "sigmoid-output.zip: output post-processing 'sigmoid'");
		eachBadFile(all, bad, "superres with", "superres", "--model", BAD, "--input", "{ws}/movie.tif",
			"--output", "{ws}/out.tif");
		eachBadFile(all, bad, "evaluate with", "evaluate", "--model", BAD, "--truth", "{ws}/movie.tif");
		final Map<String, String> packages = new TreeMap<>(bad);
		packages.keySet().removeIf(file -> !file.endsWith(".pssr.zip"));
		eachBadFile(all, packages, "export", "export", "--model", BAD, "--output", "{ws}/exported");
	}

	/** Where {@link #eachBadFile} puts the bad file in a command's arguments. */
	private static final String BAD = "{bad}";

	/**
	 * A case for each bad file: {@code args} with the file in place of {@link #BAD}, named
	 * {@code what} and the file, refused naming what the map gives for the file.
	 */
	private static void eachBadFile(final List<Case> all, final Map<String, String> bad,
		final String what, final String... args)
	{
		for (final Map.Entry<String, String> e : bad.entrySet())
			all.add(new Case(what + " " + e.getKey(), e.getValue(), NONE, Stream.of(args).map(a -> a
				.equals(BAD) ? "{ws}/" + e.getKey() : a).toArray(String[]::new)));
	}

	/** Bad files each of whose refusals must name the file, sorted by name. */
	private static Map<String, String> namingThemselves(final Collection<String> files) {
		final Map<String, String> bad = new TreeMap<>();
		for (final String f : files)
			bad.put(f, f);
		return bad;
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
		all.add(new Case("export onto an existing folder", "not a SavedModel pssr exported", NONE, "export", "--model",
			"{ws}/model.pssr.zip", "--output", "{ws}/full"));
		all.add(new Case("export onto an existing file", "is a file", NONE, "export", "--model",
			"{ws}/model.pssr.zip", "--output", "{ws}/notes.txt"));
		all.add(new Case("export a package onto the model", "not a bioimage.io package", NONE, "export", "--model",
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
		all.add(new Case("demo into a folder with a dataset", "overwrite", ws -> Catalogue.copy(ws.resolve(
			"twins"), ws.resolve("demo/twins")), "demo", "--output", "{ws}/demo"));
		all.add(new Case("evaluate CSV under a file", "not a folder", NONE, "evaluate", "--model",
			"{ws}/model.pssr.zip", "--truth", "{ws}/movie.tif", "--csv", "{ws}/notes.txt/x.csv"));
		all.add(new Case("evaluate CSV onto the truth", "truth", NONE, "evaluate", "--model",
			"{ws}/model.pssr.zip", "--truth", "{ws}/movie.tif", "--csv", "{ws}/movie.tif"));
		all.add(new Case("evaluate CSV onto the model", "the model", NONE, "evaluate", "--model",
			"{ws}/model.pssr.zip", "--truth", "{ws}/movie.tif", "--csv", "{ws}/model.pssr.zip"));
	}

	/** Every file under {@code root} (hidden ones too) and its SHA-256; folders as "dir". */
}
