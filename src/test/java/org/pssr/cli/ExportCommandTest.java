package org.pssr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import ij.IJ;
import ij.ImagePlus;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.train.exchange.BioImageIoProcessing;
import org.pssr.train.exchange.ImportedModel;
import org.pssr.train.exchange.Npy;
import org.pssr.train.exchange.RdfSpec;
import org.pssr.train.tensorflow.TensorFlowModel;
import org.yaml.snakeyaml.Yaml;

/**
 * The TensorFlow round trip through the command line: a model trained by {@code pssr train} is
 * exported to both formats (each checked against PyTorch by the export itself), the package's
 * rdf.yaml holds every field model spec 0.5 requires and what JDLL needs (an id, axis scales that
 * agree under both readings; the deepimagej suite runs it in JDLL), and the exported SavedModel and
 * packages super-resolve a movie through {@code pssr superres} as the original bundle does.
 */
class ExportCommandTest {

	@TempDir
	static Path dir;
	static Path model;
	static Path movie;

	@BeforeAll
	static void trainTinyModel() {
		movie = dir.resolve("hr.tif");
		assertEquals(ExitCodes.OK, Main.run("synth", movie.toString(), "--width", "64",
			"--height", "64", "--frames", "6"));
		model = dir.resolve("tiny.pssr.zip");
		assertEquals(ExitCodes.OK, Main.run("train", "--movies", movie.toString(), "--output", model
			.toString(), "--scale", "2", "--tile", "32", "--samples", "8", "--epochs", "1", "--batch", "4",
			"--device", "cpu"));
	}

	private static String stdout(final int expected, final String... args) {
		final PrintStream old = System.out;
		final ByteArrayOutputStream b = new ByteArrayOutputStream();
		System.setOut(new PrintStream(b, true, StandardCharsets.UTF_8));
		try {
			assertEquals(expected, Main.run(args), String.join(" ", args));
		}
		finally {
			System.setOut(old);
		}
		return b.toString(StandardCharsets.UTF_8);
	}

	@Test
	void savedModelSuperResolvesLikeTheBundle() throws IOException {
		final Path saved = dir.resolve("saved");
		final String report = stdout(ExitCodes.OK, "export", "--model", model.toString(), "--output",
			saved.toString());
		assertTrue(report.contains("max |TF - PyTorch|"), report);
		assertTrue(Files.isRegularFile(saved.resolve("saved_model.pb")));
		assertSuperResolvesLikeTheBundle(saved);
	}

	/** {@code pssr superres} with the export gives the movie the bundle gives on PyTorch. */
	private static void assertSuperResolvesLikeTheBundle(final Path exported) {
		final Path viaExport = dir.resolve(exported.getFileName() + ".tif");
		assertEquals(ExitCodes.OK, Main.run("superres", "--model", exported.toString(), "--input", movie
			.toString(), "--output", viaExport.toString(), "--tile", "32"));
		final Path viaTorch = dir.resolve("torch.tif");
		if (!Files.exists(viaTorch)) assertEquals(ExitCodes.OK, Main.run("superres", "--model", model
			.toString(), "--input", movie.toString(), "--output", viaTorch.toString(), "--tile", "32",
			"--device", "cpu"));
		assertSameMovie(viaTorch, viaExport);
	}

	@Test
	void bioImageIoPackageHoldsTheRequiredFieldsAndRuns() throws IOException {
		final Path pkg = dir.resolve("pssr.zip");
		stdout(ExitCodes.OK, "export", "--model", model.toString(), "--output", pkg.toString(),
			"--author", "Test Author", "--license", "MIT");
		final Map<String, byte[]> files = unzip(pkg);
		@SuppressWarnings("unchecked")
		final Map<String, Object> rdf = (Map<String, Object>) new Yaml().load(new String(files.get(
			"rdf.yaml"), StandardCharsets.UTF_8));
		assertEquals(List.of(), RdfSpec.missing(rdf));
		assertEquals("model", rdf.get("type"));
		assertTrue(String.valueOf(rdf.get("format_version")).startsWith("0.5"));
		assertEquals("MIT", rdf.get("license"));
		final Map<String, Object> input = first(rdf, "inputs");
		final Map<String, Object> output = first(rdf, "outputs");
		assertTrue(String.valueOf(rdf.get("id")).matches("pssr-small-x2-[0-9a-f]{12}"), "id " + rdf.get(
			"id"));
		assertEquals("scale_range", first(input, "preprocessing").get("id"));
		assertFalse(output.containsKey("postprocessing"), "normalised output: no post-processing");
		final double in = ((Number) axis(input, 1).get("scale")).doubleValue();
		final Map<String, Object> y = axis(output, 1);
		final double out = ((Number) y.get("scale")).doubleValue();
		assertEquals(2, in / out, 1e-12, "x2 under the spec: input size x input scale / output scale");
		assertEquals(2, out, 1e-12, "x2 under JDLL 0.6.3's reading: input size x output scale");
		assertTrue(((Number) y.get("halo")).intValue() > 0);
		final Map<String, Object> pssr = section(section(rdf, "config"), "pssr");
		assertEquals(2, pssr.get("layout"));
		assertEquals("normalised", pssr.get("output_units"));
		assertTrue(String.valueOf(section(pssr, "tested_with").get("jdll")).startsWith(
			"JDLL 0.6.3 with TensorFlow 2.10.1"), pssr.toString());
		// every file the rdf names is in the package with the named checksum
		for (final Map<String, Object> f : List.of(test(input), test(output), weights(rdf))) {
			final byte[] bytes = files.get((String) f.get("source"));
			assertTrue(bytes != null, "missing " + f.get("source"));
			assertEquals(f.get("sha256"), sha256(bytes));
		}
		assertTrue(files.containsKey(rdf.get("documentation")));
		final Npy.Array testIn = Npy.read(new java.io.ByteArrayInputStream(files.get(test(input).get(
			"source"))));
		final Npy.Array testOut = Npy.read(new java.io.ByteArrayInputStream(files.get(test(output).get(
			"source"))));
		assertEquals(3, testIn.shape[3], "three frames as channels");
		assertEquals(testIn.shape[1] * 2, testOut.shape[1]);
		assertEquals(1, testOut.shape[3]);
		assertTestOutputIsTheNetworksOn(pkg, testIn, testOut, false);
		// the package runs through the same movie pipeline
		assertSuperResolvesLikeTheBundle(pkg);
	}

	@Test
	void inputUnitsDeclareScaleMeanVarianceAndStillRun() throws IOException {
		final Path pkg = dir.resolve("input-units.zip");
		stdout(ExitCodes.OK, "export", "--model", model.toString(), "--output", pkg.toString(),
			"--output-units", "input");
		final Map<String, byte[]> files = unzip(pkg);
		@SuppressWarnings("unchecked")
		final Map<String, Object> rdf = (Map<String, Object>) new Yaml().load(new String(files.get(
			"rdf.yaml"), StandardCharsets.UTF_8));
		assertEquals(List.of(), RdfSpec.missing(rdf));
		final Map<String, Object> output = first(rdf, "outputs");
		assertEquals("scale_mean_variance", first(output, "postprocessing").get("id"));
		final Map<String, Object> pssr = section(section(rdf, "config"), "pssr");
		assertEquals("input", pssr.get("output_units"));
		assertTrue(String.valueOf(section(pssr, "tested_with").get("jdll")).contains("not runnable"));
		assertTestOutputIsTheNetworksOn(pkg, Npy.read(new java.io.ByteArrayInputStream(files.get(
			"test_input.npy"))), Npy.read(new java.io.ByteArrayInputStream(files.get(
				"test_output.npy"))), true);
		assertSuperResolvesLikeTheBundle(pkg);
	}

	@Test
	void infoSaysWhichClientsAPackageWasTestedWith() throws Exception {
		final Path pkg = dir.resolve("info.zip");
		stdout(ExitCodes.OK, "export", "--model", model.toString(), "--output", pkg.toString());
		final String info = stdout(ExitCodes.OK, "info", pkg.toString());
		assertTrue(info.contains("\nid: pssr-small-x2-"), info);
		assertTrue(info.contains("\ntested_with.pssr-fiji: pssr-fiji "), info);
		assertTrue(info.contains("\ntested_with.jdll: JDLL 0.6.3 with TensorFlow 2.10.1 (deepImageJ 3's " +
			"engine): packages of layout 2 with normalised output are read and run unedited"), info);
		final String legacy = stdout(ExitCodes.OK, "info", java.nio.file.Paths.get(ExportCommandTest.class
			.getResource("/org/pssr/train/legacy/format1-tiny-layout1.zip").toURI()).toString());
		assertTrue(legacy.contains("\ntested_with: pssr-fiji's TensorFlow reload at export " +
			"(export_check); layout 1, which JDLL 0.6.3 (deepImageJ) cannot read"), legacy);
	}

	/**
	 * The packaged test output is the network's output on the packaged test input after the
	 * declared pre-processing, and after {@code scale_mean_variance} when the package declares it.
	 */
	private static void assertTestOutputIsTheNetworksOn(final Path pkg, final Npy.Array in,
		final Npy.Array out, final boolean scaleMeanVariance) throws IOException
	{
		final int side = (int) in.shape[1];
		final int frames = (int) in.shape[3];
		// 1 x y x x x frames: swapping the roles of channels and pixels transposes to frames first
		final float[] raw = TensorFlowModel.channelsLast(in.values, 1, side * side, frames);
		try (ImportedModel opened = ImportedModel.open(pkg)) {
			final float[] net = opened.predict(BioImageIoProcessing.scaleRange(raw, opened
				.normalisation()), 1, side, side);
			final float[] expected = scaleMeanVariance ? BioImageIoProcessing.scaleMeanVariance(net, raw)
				: net;
			assertEquals(expected.length, out.values.length);
			for (int i = 0; i < expected.length; i++)
				assertEquals(expected[i], out.values[i], 1e-6 * Math.max(1, Math.abs(expected[i])), "pixel " +
					i);
		}
	}

	@Test
	void refusesWhatItCannotDo() throws IOException {
		final Path exists = Files.createDirectories(dir.resolve("taken"));
		Files.writeString(exists.resolve("keep.txt"), "mine");
		assertEquals(ExitCodes.USAGE, Main.run("export", "--model", model.toString(), "--output", exists
			.toString()));
		assertEquals("mine", Files.readString(exists.resolve("keep.txt")));
		assertEquals(ExitCodes.USAGE, Main.run("export", "--model", model.toString(), "--output", dir
			.resolve("x").toString(), "--format", "bioimageio"));
		assertEquals(ExitCodes.USAGE, Main.run("export", "--model", model.toString(), "--output", dir
			.resolve("y").toString(), "--format", "onnx"));
		assertEquals(ExitCodes.USAGE, Main.run("export", "--model", model.toString(), "--output", dir
			.resolve("y").toString(), "--output-units", "input"));
		assertFalse(Files.exists(dir.resolve("y")));
		assertEquals(ExitCodes.USAGE, Main.run("export", "--model", dir.resolve("none.pssr.zip")
			.toString(), "--output", dir.resolve("z").toString()));
		final Path notAPackage = dir.resolve("notes.zip");
		try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(
			notAPackage)))
		{
			z.putNextEntry(new ZipEntry("notes.txt"));
			z.write("hello".getBytes(StandardCharsets.UTF_8));
		}
		assertEquals(ExitCodes.USAGE, Main.run("superres", "--model", notAPackage.toString(), "--input",
			movie.toString(), "--output", dir.resolve("never.tif").toString()));
		assertFalse(Files.exists(dir.resolve("never.tif")));
		assertFalse(Files.exists(dir.resolve("x")));
		for (final Path p : (Iterable<Path>) Files.list(dir)::iterator) {
			assertFalse(p.getFileName().toString().contains(".part"), "staging left behind: " + p);
		}
	}

	@Test
	void specCheckReportsAMissingField() throws IOException {
		final Map<String, Object> rdf = new HashMap<>();
		rdf.put("type", "model");
		final List<String> missing = RdfSpec.missing(rdf);
		assertTrue(missing.contains("license"), missing.toString());
		assertTrue(missing.contains("weights"), missing.toString());
	}

	private static void assertSameMovie(final Path expected, final Path actual) {
		final ImagePlus a = IJ.openImage(expected.toString());
		final ImagePlus b = IJ.openImage(actual.toString());
		assertEquals(a.getWidth(), b.getWidth());
		assertEquals(a.getHeight(), b.getHeight());
		assertEquals(a.getStackSize(), b.getStackSize());
		double max = 0;
		double range = 0;
		for (int i = 1; i <= a.getStackSize(); i++) {
			final float[] x = (float[]) a.getStack().getProcessor(i).convertToFloat().getPixels();
			final float[] y = (float[]) b.getStack().getProcessor(i).convertToFloat().getPixels();
			for (int p = 0; p < x.length; p++) {
				max = Math.max(max, Math.abs(x[p] - y[p]));
				range = Math.max(range, Math.abs(x[p]));
			}
		}
		assertTrue(max <= 1e-4 * range, String.format(Locale.ROOT, "max difference %g for values up to %g",
			max, range));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> first(final Map<String, Object> m, final String key) {
		return (Map<String, Object>) ((List<Object>) m.get(key)).get(0);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> section(final Map<String, Object> m, final String key) {
		return (Map<String, Object>) m.get(key);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> axis(final Map<String, Object> tensor, final int i) {
		return (Map<String, Object>) ((List<Object>) tensor.get("axes")).get(i);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> test(final Map<String, Object> tensor) {
		return (Map<String, Object>) tensor.get("test_tensor");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> weights(final Map<String, Object> rdf) {
		return (Map<String, Object>) ((Map<String, Object>) rdf.get("weights")).get(
			"tensorflow_saved_model_bundle");
	}

	private static Map<String, byte[]> unzip(final Path zip) throws IOException {
		final Map<String, byte[]> files = new HashMap<>();
		try (InputStream is = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(is)) {
			for (ZipEntry e; (e = z.getNextEntry()) != null;) {
				files.put(e.getName(), z.readAllBytes());
			}
		}
		assertEquals(Set.of("rdf.yaml", "README.md", "test_input.npy", "test_output.npy",
			"tf_saved_model.zip"), files.keySet());
		return files;
	}

	private static String sha256(final byte[] b) {
		try {
			final StringBuilder s = new StringBuilder();
			for (final byte x : MessageDigest.getInstance("SHA-256").digest(b)) {
				s.append(String.format(Locale.ROOT, "%02x", x));
			}
			return s.toString();
		}
		catch (final java.security.NoSuchAlgorithmException e) {
			throw new AssertionError(e);
		}
	}
}
