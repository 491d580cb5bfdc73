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
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

import org.pssr.crappify.io.Checksums;
import org.pssr.crappify.io.Folders;
import org.pssr.crappify.io.ImageJTiffWriter;
import org.pssr.crappify.io.PixelFormat;
import org.pssr.crappify.synth.SyntheticFluorescenceMovie;
import org.pssr.imagej.PngFiles;
import org.pssr.czi.CziFeatureFiles;

/**
 * What the hostile-input catalogues share: the fixtures every case gets a copy of (movies, models,
 * packages and files pssr made or did not make, good and damaged), and the check of the CLI's error
 * contract: exit 2, exactly one line on stderr that names the culprit and the reason, no stack
 * trace, the workspace byte for byte as it was, and no scratch folder left in the temporary folder.
 */
final class Catalogue {

	private Catalogue() {}

	static final class Case {

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
	interface Setup {

		void prepare(Path workspace) throws IOException;
	}

	static final Setup NONE = ws -> {};

	/** Makes the fixtures in a new temporary folder, which the caller deletes. */
	static Path fixtures() throws IOException {
		final Path fixtures = Files.createTempDirectory("pssr-bad-input-fixtures");
		save(fixtures, series(32, 32, 6, (t, x, y) -> 100 + 40 * t + 3 * x + 2 * y + (x * y % 7)), "movie.tif");
		save(fixtures, series(32, 32, 6, (t, x, y) -> 500), "flat.tif");
		save(fixtures, series(32, 32, 1, (t, x, y) -> 100 + x + y), "one-frame.tif");
		save(fixtures, series(8, 8, 6, (t, x, y) -> 100 + x + y + t), "tiny.tif");
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
		earlierOutputs(fixtures, model);
		return fixtures;
	}

	/**
	 * Outputs pssr made before (of every kind, so a command sees its own kind) and files of the
	 * user's beside them, and models that are well formed but damaged.
	 */
	private static void earlierOutputs(final Path fixtures, final byte[] model) throws IOException {
		save(fixtures, series(32, 32, 6, (t, x, y) -> 300 + 20 * t + x * y % 11 + 2 * x), "movie2.tif");
		final SyntheticFluorescenceMovie synthetic = new SyntheticFluorescenceMovie(16, 16, 3, 1);
		ImageJTiffWriter.save(synthetic, fixtures.resolve("pssr-synth.tif"), PixelFormat.UINT16, synthetic
			.provenance().text());
		final ImagePlus picture = new ImagePlus("p", new ByteProcessor(8, 8));
		PngFiles.write(picture, fixtures.resolve("pssr.png"));
		assertTrue(new FileSaver(picture).saveAsPng(fixtures.resolve("foreign.png").toString()));
		text(fixtures, "pssr.csv", "frame,psnr_model,ssim_model\n0,30.000000,0.900000\n");
		text(fixtures, "foreign.csv", "frame;value\n0;1\n");
		text(fixtures, "study.md", "# Image quality study\n\nMade by `pssr study --movies a b`.\n");
		text(fixtures, "foreign.md", "# My notes\n");
		text(fixtures, "pssr.recipe.json", "{\"name\": \"calibrated\", \"parameters\": {\"gain\": 2.0}, " +
			"\"provenance\": {\"command\": \"calibrate\"}}");
		text(fixtures, "hand.recipe.json", "{\"name\": \"poisson\", \"parameters\": {\"photons\": 30}}");
		Zips.write(fixtures.resolve("foreign.zip"), Map.of("a.txt", "mine".getBytes(
			StandardCharsets.UTF_8)));
		Zips.write(fixtures.resolve("pssr-package.zip"), Map.of("rdf.yaml", ("type: model\n" +
			"format_version: 0.5.3\nconfig:\n  pssr:\n    made: by pssr\n").getBytes(
				StandardCharsets.UTF_8)));
		Files.createDirectories(fixtures.resolve("pssr-savedmodel/assets.extra"));
		text(fixtures, "pssr-savedmodel/assets.extra/pssr-model.json", "{}");
		Files.createDirectories(fixtures.resolve("broken-savedmodel/assets.extra"));
		text(fixtures, "broken-savedmodel/saved_model.pb", "junk");
		text(fixtures, "broken-savedmodel/assets.extra/pssr-model.json", "{\"scale\": 2,");
		final String json = Bundles.json(model);
		Zips.write(fixtures.resolve("half-json.pssr.zip"), Map.of("model.json", json.substring(0, json
			.length() / 2).getBytes(StandardCharsets.UTF_8), "weights.bin", Bundles.weights(model)));
		Zips.write(fixtures.resolve("other-scale.pssr.zip"), Map.of("model.json", json.replace(
			"{scale=2.0,", "{scale=4.0,").getBytes(StandardCharsets.UTF_8), "weights.bin", Bundles.weights(
				model)));
		final byte[] weights = Bundles.weights(model);
		Zips.write(fixtures.resolve("cut-weights.pssr.zip"), Map.of("model.json", json.getBytes(
			StandardCharsets.UTF_8), "weights.bin", java.util.Arrays.copyOf(weights, weights.length / 2)));
		Zips.write(fixtures.resolve("overflow.pssr.zip"), Map.of("model.json", json.getBytes(
			StandardCharsets.UTF_8), "weights.bin", Bundles.allWeights(weights, 1e20f)));
		Zips.write(fixtures.resolve("nan-weights.pssr.zip"), Map.of("model.json", json.getBytes(
			StandardCharsets.UTF_8), "weights.bin", Bundles.firstWeight(Bundles.weights(model), Float.NaN)));
		Zips.write(fixtures.resolve("huge-weights.pssr.zip"), Map.of("model.json", json.getBytes(
			StandardCharsets.UTF_8), "weights.bin", Bundles.firstWeight(Bundles.weights(model), 1e35f)));
		assertEquals(ExitCodes.OK, new MainRunner().run("superres", "--model", fixtures.resolve(
			"model.pssr.zip").toString(), "--input", fixtures.resolve("movie.tif").toString(), "--output",
			fixtures.resolve("joinable.tif").toString(), "--frames", "1:6", "--device", "cpu"));
		assertEquals(ExitCodes.OK, new MainRunner().run("slurm", "superres", "--model", fixtures.resolve(
			"model.pssr.zip").toString(), "--input", fixtures.resolve("movie.tif").toString(), "--output",
			fixtures.resolve("sout").toString(), "--scripts", fixtures.resolve("scripts").toString()));
	}

	private static void text(final Path fixtures, final String name, final String text)
		throws IOException
	{
		Files.write(fixtures.resolve(name), text.getBytes(StandardCharsets.UTF_8));
	}

	/** Runs {@code c} in a copy of {@code fixtures} and checks the error contract. */
	static void check(final Path fixtures, final Case c) throws IOException {
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
			// the log is on stdout: stderr holds the refusal alone
			final List<String> refusal = pssr.err.lines().collect(Collectors.toList());
			assertEquals(ExitCodes.USAGE, code, c.name + ": exit code; stderr: " + pssr.err);
			assertEquals(1, refusal.size(), c.name + ": one line on stderr: " + pssr.err);
			final String first = refusal.get(0);
			assertTrue(first.startsWith("pssr: "), c.name + ": " + first);
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

	static Map<String, String> snapshot(final Path root) throws IOException {
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

	static void copy(final Path from, final Path to) throws IOException {
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

	private static void save(final Path fixtures, final ImagePlus imp, final String name) {
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

	/** The model.json of a bundle, its weights, and those weights damaged. */
	static final class Bundles {

		static byte[] weights(final byte[] bundle) throws IOException {
			try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
				new java.io.ByteArrayInputStream(bundle)))
			{
				for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry())
					if (e.getName().equals("weights.bin")) return in.readAllBytes();
			}
			throw new IOException("no weights.bin");
		}

		/**
		 * {@code weights} with every value of every tensor set to {@code value}: sane weights, each of
		 * them, whose products overflow as the layers follow each other.
		 */
		static byte[] allWeights(final byte[] weights, final float value) throws IOException {
			final java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(
				weights));
			final java.nio.ByteBuffer out = java.nio.ByteBuffer.wrap(weights.clone());
			int at = 0;
			while (at < weights.length) {
				in.readInt();
				final int tensors = in.readInt();
				at += 8;
				for (int t = 0; t < tensors; t++) {
					final String name = in.readUTF();
					final int rank = in.readInt();
					long size = 1;
					for (int d = 0; d < rank; d++)
						size *= in.readLong();
					at += 2 + name.getBytes(StandardCharsets.UTF_8).length + 4 + 8 * rank;
					for (long i = 0; i < size; i++) {
						in.readFloat();
						out.putFloat(at, value);
						at += 4;
					}
				}
			}
			return out.array();
		}

		/** {@code weights} with the first value of the first tensor set to {@code value}. */
		static byte[] firstWeight(final byte[] weights, final float value) throws IOException {
			final java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(
				weights));
			in.readInt();
			in.readInt();
			final String name = in.readUTF();
			final int rank = in.readInt();
			final int at = 8 + 2 + name.getBytes(StandardCharsets.UTF_8).length + 4 + 8 * rank;
			final byte[] damaged = weights.clone();
			java.nio.ByteBuffer.wrap(damaged).putFloat(at, value);
			return damaged;
		}

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
