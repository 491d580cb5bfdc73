package org.pssr.train.exchange;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.pssr.crappify.io.StagedOutput;
import org.pssr.crappify.io.Checksums;
import org.pssr.train.ModelBundle;
import org.pssr.crappify.Degradations;
import org.pssr.crappify.Normalisation;
import org.pssr.crappify.Provenance;
import org.pssr.train.tensorflow.TensorFlowModel;
import org.pssr.train.tensorflow.TensorFlowNatives;
import com.google.gson.Gson;
import com.google.gson.JsonObject;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes a bioimage.io model package (model spec 0.5): {@code rdf.yaml}, the SavedModel as {@code
 * tensorflow_saved_model_bundle} weights, the test input and output as {@code .npy}, and a README.
 * The test output is what a bioimage.io consumer computes: the declared pre-processing, the
 * network, the declared post-processing. Written so that JDLL 0.6.3 (deepImageJ 3's engine) reads
 * it unedited: a top-level {@code id}, axis scales that agree under the spec's size formula and
 * JDLL's reading, and, for {@link OutputUnits#NORMALISED} output, only steps JDLL implements.
 */
final class BioImageIoPackage {

	static final String FORMAT_VERSION = "0.5.3";
	static final String RDF = "rdf.yaml";
	static final String WEIGHTS = "tf_saved_model.zip";
	static final String TEST_INPUT = "test_input.npy";
	static final String TEST_OUTPUT = "test_output.npy";
	static final String README = "README.md";
	static final String PSSR_CITATION = "Fang, L., Monroe, F., Novak, S.W. et al. Deep learning-based " +
		"point-scanning super-resolution imaging. Nature Methods 18, 406-416 (2021).";
	static final String PSSR_DOI = "10.1038/s41592-021-01080-z";
	/** Output pixels at each tile edge that lack context; consumers tiling the model crop them. */
	static final int HALO_LR_PIXELS = 8;
	/**
	 * {@code config.pssr.layout}: 1 had no {@code id}, axis scales 1 and 1/s and {@code
	 * scale_mean_variance}; 2 has an {@code id}, axis scales s² and s, and the output units chosen.
	 */
	static final int LAYOUT = 2;
	/** The JDLL release whose reading of layout 2 the deepimagej test suite checks. */
	static final String JDLL = "0.6.3";

	private final String author;
	private final String license;
	private final OutputUnits units;

	BioImageIoPackage(final String author, final String license, final OutputUnits units) {
		this.author = author;
		this.license = license;
		this.units = units;
	}

	/** @param networkOutput the SavedModel's output for the test window, normalised */
	void write(final ModelBundle bundle, final Path savedModel, final ModelExport.TestWindow test,
		final float[] networkOutput, final ExportReport report, final Path output) throws IOException
	{
		final int s = bundle.scale();
		final int side = test.side;
		final float[] input = TensorFlowModel.channelsLast(test.raw, 1, test.frames, side * side);
		final float[] output0 = units == OutputUnits.INPUT ? BioImageIoProcessing.scaleMeanVariance(
			networkOutput, test.raw) : networkOutput;
		final Map<String, byte[]> files = new LinkedHashMap<>();
		files.put(TEST_INPUT, npy(new long[] { 1, side, side, test.frames }, input));
		files.put(TEST_OUTPUT, npy(new long[] { 1, (long) side * s, (long) side * s, 1 }, output0));
		files.put(WEIGHTS, zipFolder(savedModel));
		files.put(README, readme(bundle, report).getBytes(StandardCharsets.UTF_8));
		final String rdf = yaml().dump(rdf(bundle, files, report));
		try (StagedOutput staged = StagedOutput.file(output)) {
			try (OutputStream os = Files.newOutputStream(staged.path()); ZipOutputStream zip = new ZipOutputStream(
				new BufferedOutputStream(os, 1 << 16)))
			{
				put(zip, RDF, rdf.getBytes(StandardCharsets.UTF_8));
				for (final Map.Entry<String, byte[]> e : files.entrySet()) {
					put(zip, e.getKey(), e.getValue());
				}
			}
			staged.commit();
		}
	}

	static Yaml yaml() {
		final DumperOptions o = new DumperOptions();
		o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		o.setIndent(2);
		o.setIndicatorIndent(0);
		o.setWidth(100);
		return new Yaml(o);
	}

	private Map<String, Object> rdf(final ModelBundle bundle, final Map<String, byte[]> files,
		final ExportReport report) throws IOException
	{
		final int f = bundle.frames();
		final int s = bundle.scale();
		final int m = bundle.model().lrMultiple();
		final Normalisation n = bundle.normalisation();
		final String bundleSha = Checksums.sha256(bundle.path());
		final Map<String, Object> r = new LinkedHashMap<>();
		r.put("type", "model");
		r.put("format_version", FORMAT_VERSION);
		// Optional in the spec (the zoo assigns its own on upload); JDLL 0.6.3 throws without one.
		r.put("id", String.format(Locale.ROOT, "pssr-%s-x%d-%s", bundle.config().preset(), s, bundleSha
			.substring(0, 12)));
		r.put("name", String.format(Locale.ROOT, "PSSR x%d %s (%d frames)", s, bundle.config().preset(), f));
		r.put("description", String.format(Locale.ROOT, "Multi-frame point-scanning super-resolution " +
			"(PSSR): %d consecutive low-resolution frames in, the centre frame %d times larger out. " +
			"U-Net trained with stability loss on crappified twin pairs by pssr-fiji.", f, s));
		r.put("authors", List.of(map("name", author)));
		r.put("cite", List.of(map("text", PSSR_CITATION, "doi", PSSR_DOI)));
		r.put("license", license);
		r.put("documentation", README);
		r.put("tags", List.of("super-resolution", "pssr", "multi-frame", "fluorescence", "2d",
			"tensorflow", "pssr-fiji"));
		r.put("covers", List.of());
		final List<String> names = new ArrayList<>();
		for (int i = 0; i < f; i++) {
			final int d = i - f / 2;
			names.add(d == 0 ? "frame_t" : d < 0 ? "frame_t_minus_" + -d : "frame_t_plus_" + d);
		}
		final int min = Math.max(m, ModelExport.TEST_SIDE / 2 / m * m);
		// A pixel's size in arbitrary units (no unit is given): input s², output s, so that the output
		// is s times larger under the spec's formula (input size x input scale / output scale) and
		// under JDLL 0.6.3's reading (input size x output scale); layout 1's 1 and 1/s read as x1/s.
		final double inScale = (double) s * s;
		final double outScale = s;
		final Map<String, Object> in = new LinkedHashMap<>();
		in.put("id", "input");
		in.put("description", f + " consecutive frames (t-" + f / 2 + " .. t+" + f / 2 +
			") of a low-resolution movie, as channels");
		in.put("axes", List.of(map("type", "batch"), space("y", map("min", min, "step", m), inScale,
			null), space("x", map("min", min, "step", m), inScale, null), map("type", "channel",
				"channel_names", names)));
		in.put("test_tensor", file(TEST_INPUT, files));
		in.put("data", map("type", "float32"));
		in.put("preprocessing", List.of(map("id", "scale_range", "kwargs", map("axes", List.of("y", "x",
			"channel"), "min_percentile", n.lowPercentile(), "max_percentile", n.highPercentile(), "eps",
			BioImageIoProcessing.EPS))));
		final Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", "output");
		out.put("description", "the centre frame, " + s + " times larger in y and x, " + (units ==
			OutputUnits.NORMALISED ? "in the network's units (0 and 1 are the input's low and high " +
				"percentiles)" : "mapped to the input's mean and standard deviation"));
		final int halo = HALO_LR_PIXELS * s;
		out.put("axes", List.of(map("type", "batch"), space("y", map("tensor_id", "input", "axis_id", "y"),
			outScale, halo), space("x", map("tensor_id", "input", "axis_id", "x"), outScale, halo), map(
				"type", "channel", "channel_names", List.of("super_resolved"))));
		out.put("test_tensor", file(TEST_OUTPUT, files));
		out.put("data", map("type", "float32"));
		if (units == OutputUnits.INPUT) out.put("postprocessing", List.of(map("id",
			"scale_mean_variance", "kwargs", map("reference_tensor", "input", "axes", List.of("y", "x",
				"channel"), "eps", BioImageIoProcessing.EPS))));
		r.put("inputs", List.of(in));
		r.put("outputs", List.of(out));
		final Map<String, Object> tf = file(WEIGHTS, files);
		tf.put("tensorflow_version", TensorFlowNatives.VERSION);
		r.put("weights", map("tensorflow_saved_model_bundle", tf));
		r.put("training_data", map("type", "dataset", "format_version", "0.3.0", "name",
			"PSSR twin pairs", "description", "Twin low-resolution pairs crappified from high-resolution " +
				"movies by pssr-fiji; recipe: " + recipe(bundle), "authors", List.of(map("name", author)),
			"cite", List.of(map("text", PSSR_CITATION, "doi", PSSR_DOI)), "license", license));
		final Map<String, Object> pssr = new LinkedHashMap<>();
		pssr.put("frames", f);
		pssr.put("scale", s);
		pssr.put("lr_multiple", m);
		pssr.put("preset", bundle.config().preset());
		pssr.put("normalisation", plain(n.toJson()));
		bundle.recipe().ifPresent(recipe -> pssr.put("recipe", plain(Degradations.toJson(recipe))));
		pssr.put("layout", LAYOUT);
		pssr.put("output_units", units.toString());
		pssr.put("export_check", map("max_abs_difference_tf_vs_pytorch", report.maxDifference,
			"output_magnitude", report.outputRange));
		pssr.put("tested_with", testedWith(report));
		pssr.put("provenance", map("model", Provenance.describe(bundle.path().getFileName().toString(),
			Files.size(bundle.path()), bundleSha, 0), "pssr-fiji", Provenance.version(), "created",
			Provenance.created()));
		r.put("config", map("pssr", pssr));
		return r;
	}

	/**
	 * The clients this package runs in, as far as pssr-fiji knows: its own TensorFlow reload at
	 * export (this file), and JDLL through the deepimagej test suite (this layout, not this file).
	 */
	private Map<String, Object> testedWith(final ExportReport report) {
		final Map<String, Object> t = new LinkedHashMap<>();
		t.put("pssr-fiji", String.format(Locale.ROOT, "pssr-fiji %s, TensorFlow %s through DJL: this " +
			"SavedModel reloaded at export and compared with PyTorch (max |TF - PyTorch| %.2g)", Provenance
				.version(), TensorFlowNatives.VERSION, report.maxDifference));
		t.put("jdll", units == OutputUnits.NORMALISED ? "JDLL " + JDLL + " with TensorFlow " +
			TensorFlowNatives.VERSION + " (deepImageJ 3's engine): packages of layout " + LAYOUT +
			" with normalised output are read and run unedited by pssr-fiji's deepimagej test suite " +
			"(this layout, not this file)" : "JDLL " + JDLL + ": not runnable, JDLL has no " +
				"scale_mean_variance (export with output units 'normalised' for deepImageJ)");
		return t;
	}

	private static Map<String, Object> space(final String id, final Map<String, Object> size,
		final Double scale, final Integer halo)
	{
		final Map<String, Object> a = map("type", "space", "id", id, "size", size);
		if (scale != null) a.put("scale", scale);
		if (halo != null) a.put("halo", halo);
		return a;
	}

	private static Map<String, Object> file(final String name, final Map<String, byte[]> files) {
		return map("source", name, "sha256", Checksums.sha256(files.get(name)));
	}

	private static Map<String, Object> map(final Object... kv) {
		final Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) {
			m.put((String) kv[i], kv[i + 1]);
		}
		return m;
	}

	private String readme(final ModelBundle bundle, final ExportReport report) {
		return "# " + String.format(Locale.ROOT, "PSSR x%d, %d frames", bundle.scale(), bundle.frames()) +
			"\n\nMulti-frame point-scanning super-resolution (PSSR; " + PSSR_CITATION + " doi:" + PSSR_DOI +
			"), exported by pssr-fiji from `" + bundle.path().getFileName() + "`.\n\n" +
			"## Input\n" + bundle.frames() + " consecutive frames of a low-resolution movie as channels " +
			"(axes batch, y, x, channel), centre frame in the middle. Slide the window over the movie, " +
			"mirroring at its ends, to get one output frame per input frame.\n\n" +
			"## Normalisation\nInput: the " + bundle.normalisation().lowPercentile() + " and " + bundle
				.normalisation().highPercentile() + " percentiles of the window go to 0 and 1 " +
			"(`scale_range`). pssr-fiji takes them over the whole movie and maps the output back with " +
			"the inverse. " + (units == OutputUnits.NORMALISED ? "This package leaves the output in " +
				"those normalised units (no post-processing): multiply it by the difference of the two " +
				"percentiles of the input and add the low one to get intensities back. That way JDLL " +
				"and deepImageJ run it, whose post-processing steps cannot refer to the input."
				: "This package declares `scale_mean_variance` against the input, the closest the " +
					"bioimage.io processing steps come; JDLL " + JDLL + " (deepImageJ) does not " +
					"implement that step.") + "\n\n" +
			"## Training\nU-Net preset `" + bundle.config().preset() + "` (" + bundle.config() +
			"), stability loss L1(Y1,T) + L1(Y2,T) + L1(Y1,Y2) on twin crappified inputs. Recipe: " +
			recipe(bundle) + "\n\n## Export check\n" + report + "\n";
	}

	private static byte[] npy(final long[] shape, final float[] values) throws IOException {
		final ByteArrayOutputStream b = new ByteArrayOutputStream();
		Npy.write(new Npy.Array(shape, values), b);
		return b.toByteArray();
	}

	/** The SavedModel folder as a zip with the model at its root, as bioimage.io expects. */
	private static byte[] zipFolder(final Path folder) throws IOException {
		final ByteArrayOutputStream b = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(b); Stream<Path> all = Files.walk(folder)) {
			for (final Path p : (Iterable<Path>) all.sorted()::iterator) {
				if (p.equals(folder)) continue;
				final String name = folder.relativize(p).toString().replace('\\', '/');
				if (Files.isDirectory(p)) {
					zip.putNextEntry(new ZipEntry(name + "/"));
					zip.closeEntry();
				}
				else {
					put(zip, name, Files.readAllBytes(p));
				}
			}
		}
		return b.toByteArray();
	}

	private static void put(final ZipOutputStream zip, final String name, final byte[] bytes)
		throws IOException
	{
		zip.putNextEntry(new ZipEntry(name));
		zip.write(bytes);
		zip.closeEntry();
	}


	private static String recipe(final ModelBundle bundle) {
		return bundle.recipe().map(Object::toString).orElse("not recorded");
	}

	/** A record as YAML's plain maps, numbers and strings. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> plain(final JsonObject record) {
		return new Gson().fromJson(record, Map.class);
	}
}
