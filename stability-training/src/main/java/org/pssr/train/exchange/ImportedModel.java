package org.pssr.train.exchange;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipException;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

import org.pssr.crappify.io.Archives;
import org.pssr.crappify.io.Checksums;
import org.pssr.crappify.io.StagedOutput;
import org.pssr.train.ModelBundle;
import org.pssr.train.SaneValues;
import org.pssr.crappify.Degradation;
import org.pssr.crappify.Degradations;
import org.pssr.crappify.Normalisation;
import org.pssr.train.SuperResolutionModel;
import org.pssr.train.tensorflow.SavedModels;
import org.pssr.train.tensorflow.TensorFlowFailure;
import org.pssr.train.tensorflow.TensorFlowModel;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A TensorFlow model opened for the movie pipeline: a SavedModel folder (ours, described by its
 * {@code pssr-model.json}, or anyone's, measured by a probe) or a bioimage.io package whose {@code
 * rdf.yaml} (model spec 0.5) describes the axes (batch, y, x, channel), the scale and the size
 * step, and whose {@code scale_range} pre-processing gives the normalisation percentiles.
 */
public final class ImportedModel implements SuperResolutionModel {

	/** Size multiple assumed for a SavedModel that does not say: a U-Net with four down-steps. */
	static final int DEFAULT_MULTIPLE = 16;
	/** Output post-processing steps pssr's own map back to the movie's intensities replaces. */
	private static final Set<String> AFFINE_POSTPROCESSING = new TreeSet<>(List.of("ensure_dtype",
		"scale_linear", "scale_mean_variance", "scale_range", "zero_mean_unit_variance",
		"fixed_zero_mean_unit_variance"));

	private final TensorFlowModel model;
	private final Normalisation normalisation;
	private final Optional<Degradation> recipe;
	private final String description;
	/** Where a package was unpacked; null for a SavedModel folder used in place. */
	private final StagedOutput unpacked;

	private ImportedModel(final TensorFlowModel model, final Normalisation normalisation,
		final Optional<Degradation> recipe, final String description, final StagedOutput unpacked)
	{
		this.model = model;
		this.normalisation = normalisation;
		this.recipe = recipe;
		this.description = description;
		this.unpacked = unpacked;
	}

	/** Whether {@code path} is something this class opens (rather than a pssr model bundle). */
	public static boolean accepts(final Path path) {
		if (Files.isDirectory(path)) return Files.isRegularFile(path.resolve("saved_model.pb"));
		final String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
		return name.endsWith(".zip") && !name.endsWith(ModelBundle.SUFFIX);
	}

	/**
	 * @throws IllegalArgumentException when the model is not one the pipeline can run, or is
	 *           damaged, saying why
	 */
	public static ImportedModel open(final Path path) throws IOException {
		if (!Files.exists(path)) throw new IllegalArgumentException("no such model: " + path);
		if (Files.isDirectory(path)) return sane(path, refusingMalformed(path, () -> savedModel(path,
			null)));
		final StagedOutput dir = StagedOutput.scratch("pssr-bioimageio");
		try {
			return sane(path, refusingMalformed(path, () -> {
				unzip(path, dir.path());
				final Path rdf = dir.path().resolve(BioImageIoPackage.RDF);
				if (!Files.isRegularFile(rdf)) throw new IllegalArgumentException(path +
					" is neither a pssr model bundle (*.pssr.zip) nor a bioimage.io package (no rdf.yaml)");
				return bioImageIo(path, dir, rdf);
			}));
		}
		catch (final IOException | RuntimeException e) {
			dir.close();
			throw e;
		}
	}

	/**
	 * {@code model}, once it turned a test window (a ramp over the frames, as normalised movies are)
	 * into sane values: TensorFlow weights cannot be read one by one as a bundle's are, so a model
	 * with NaN, infinite or absurd weights is found by what it gives.
	 *
	 * @throws IllegalArgumentException naming the file
	 */
	private static ImportedModel sane(final Path path, final ImportedModel model) {
		final int side = 32;
		final float[] window = new float[model.frames() * side * side];
		for (int i = 0; i < window.length; i++)
			window[i] = (i % (side * side)) / (float) (side * side);
		final float[] out;
		try {
			out = model.predict(window, 1, side, side);
		}
		catch (final RuntimeException e) {
			model.close();
			throw e;
		}
		final int bad = SaneValues.firstBad(out);
		if (bad < 0) return model;
		model.close();
		throw new IllegalArgumentException(path + ": the model turns a test window into " + SaneValues
			.describe(out[bad]) + " values; its weights are damaged");
	}

	private interface Opening {

		ImportedModel open() throws IOException;
	}

	/**
	 * Files from elsewhere fail in many shapes (a YAML mapping where a list belongs, a graph
	 * TensorFlow cannot run, a cut-off stream): each is the model's fault, said in one line naming
	 * it.
	 */
	private static ImportedModel refusingMalformed(final Path path, final Opening opening)
		throws IOException
	{
		try {
			return opening.open();
		}
		catch (final IllegalArgumentException e) {
			// refusals raised deep inside (a recipe of another scale) are named after the model here
			if (String.valueOf(e.getMessage()).contains(path.getFileName().toString())) throw e;
			throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
		}
		catch (final YAMLException | ClassCastException | IndexOutOfBoundsException |
			NullPointerException | TensorFlowFailure | EOFException e)
		{
			throw new IllegalArgumentException(path + " is not a model this build can run: " + e
				.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()
					.lines().findFirst().orElse("")), e);
		}
	}

	private static ImportedModel savedModel(final Path folder, final StagedOutput unpacked)
		throws IOException
	{
		final java.util.Optional<JsonObject> meta = SavedModels.metadata(folder);
		if (meta.isPresent()) {
			final JsonObject m = meta.get();
			final Normalisation normalisation = Normalisation.fromJson(m.getAsJsonObject("normalisation"));
			final TensorFlowModel tf = TensorFlowModel.load(folder, m.get("scale").getAsInt(), m.get(
				"lrMultiple").getAsInt());
			return new ImportedModel(tf, normalisation, Degradations.recorded(m.get("recipe"), tf.scale()),
				"SavedModel exported by pssr-fiji", unpacked);
		}
		final TensorFlowModel tf = TensorFlowModel.load(folder, 0, DEFAULT_MULTIPLE);
		return new ImportedModel(tf, Normalisation.PSSR, Optional.empty(),
			"SavedModel without pssr description: " +
			"scale measured, sides padded to multiples of " + DEFAULT_MULTIPLE + ", PSSR's percentiles " +
			Normalisation.PSSR, unpacked);
	}

	@SuppressWarnings("unchecked")
	private static ImportedModel bioImageIo(final Path pkg, final StagedOutput unpacked,
		final Path rdfFile) throws IOException
	{
		final Path dir = unpacked.path();
		final Map<String, Object> rdf;
		try (InputStream in = Files.newInputStream(rdfFile)) {
			// Plain data only: a package is not allowed to name Java classes for SnakeYAML to build.
			final Object o = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			if (!(o instanceof Map)) throw new IllegalArgumentException(pkg + ": rdf.yaml is not a mapping");
			rdf = (Map<String, Object>) o;
		}
		final String where = pkg.getFileName() + ": ";
		if (!"model".equals(rdf.get("type"))) throw new IllegalArgumentException(where +
			"rdf.yaml describes a " + rdf.get("type") + ", not a model");
		final String version = String.valueOf(rdf.get("format_version"));
		if (!version.startsWith("0.5")) throw new IllegalArgumentException(where +
			"model spec " + version + " is not supported; pssr reads model spec 0.5 (convert older " +
			"packages with bioimageio.spec's update_format)");
		final Map<String, Object> weights = section(rdf, "weights", where);
		if (!weights.containsKey("tensorflow_saved_model_bundle")) throw new IllegalArgumentException(
			where + "the package has " + weights.keySet() + " weights; pssr runs " +
				"tensorflow_saved_model_bundle weights only");
		final Map<String, Object> input = only(rdf, "inputs", where);
		final Map<String, Object> output = only(rdf, "outputs", where);
		final List<Map<String, Object>> inAxes = axes(input, where);
		final List<Map<String, Object>> outAxes = axes(output, where);
		final Object step = inAxes.get(1).get("size");
		if (!(step instanceof Map) || !(((Map<String, Object>) step).get("step") instanceof Number))
			throw new IllegalArgumentException(where + "the input's y size must be {min, step}; a fixed " +
				"size cannot be tiled over a movie");
		final int multiple = Math.max(1, ((Number) ((Map<String, Object>) step).get("step")).intValue());
		final double ratio = number(inAxes.get(1).get("scale"), 1) / number(outAxes.get(1).get("scale"),
			1);
		final int scale = (int) Math.round(ratio);
		if (scale < 1 || Math.abs(ratio - scale) > 1e-6) throw new IllegalArgumentException(where +
			"the output is not an integer upsampling of the input (y scale ratio " + ratio + ")");
		final Normalisation normalisation = normalisation(input, where);
		checkPostprocessing(output, where);
		final Map<String, Object> tf = (Map<String, Object>) weights.get("tensorflow_saved_model_bundle");
		final Path source = inside(dir, String.valueOf(tf.get("source")), where);
		checkSha256(source, tf.get("sha256"), where);
		final Path folder;
		if (Files.isDirectory(source)) {
			folder = source;
		}
		else {
			folder = dir.resolve("saved_model_unpacked");
			unzip(source, folder);
		}
		final TensorFlowModel model = TensorFlowModel.load(folder, scale, multiple);
		final Map<String, Object> config = rdf.get("config") instanceof Map ? (Map<String, Object>) rdf
			.get("config") : Map.of();
		final Object pssr = config.get("pssr");
		final Optional<Degradation> recipe = pssr instanceof Map ? Degradations.recorded(new Gson()
			.toJsonTree(((Map<String, Object>) pssr).get("recipe")), scale) : Optional.empty();
		return new ImportedModel(model, normalisation, recipe, "bioimage.io model '" + rdf.get("name") +
			"'", unpacked);
	}

	@SuppressWarnings("unchecked")
	private static Normalisation normalisation(final Map<String, Object> input, final String where) {
		final Object pre = input.get("preprocessing");
		if (!(pre instanceof List) || ((List<?>) pre).isEmpty()) return new Normalisation(0, 100);
		for (final Object step : (List<Object>) pre) {
			final Map<String, Object> s = (Map<String, Object>) step;
			final String id = String.valueOf(s.get("id"));
			if ("scale_range".equals(id)) {
				final Map<String, Object> kw = s.get("kwargs") instanceof Map ? (Map<String, Object>) s.get(
					"kwargs") : Map.of();
				return new Normalisation(number(kw.get("min_percentile"), 0), number(kw.get("max_percentile"),
					100));
			}
			if (!"ensure_dtype".equals(id)) throw new IllegalArgumentException(where +
				"input pre-processing '" + id + "' is not supported; pssr normalises movies by percentiles " +
				"(scale_range)");
		}
		return new Normalisation(0, 100);
	}

	/**
	 * pssr maps the network's output back to the movie's intensities with the movie's percentiles,
	 * in place of whatever affine map a package declares (none in layout 2's normalised packages,
	 * {@code scale_mean_variance} in layout 1's, {@code scale_linear} in others'); a step that changes
	 * what the output means (a sigmoid, a threshold, a clip) cannot be replaced and is refused.
	 */
	@SuppressWarnings("unchecked")
	private static void checkPostprocessing(final Map<String, Object> output, final String where) {
		final Object post = output.get("postprocessing");
		if (!(post instanceof List)) return;
		for (final Object step : (List<Object>) post) {
			final String id = String.valueOf(((Map<String, Object>) step).get("id"));
			if (!AFFINE_POSTPROCESSING.contains(id)) throw new IllegalArgumentException(where +
				"output post-processing '" + id + "' is not supported; pssr maps the output back to the " +
				"movie's intensities itself, in place of affine steps (" + String.join(", ",
					AFFINE_POSTPROCESSING) + ")");
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> axes(final Map<String, Object> tensor, final String where) {
		final Object axes = tensor.get("axes");
		final String expected = "batch, y, x, channel";
		if (!(axes instanceof List) || ((List<?>) axes).size() != 4) throw new IllegalArgumentException(
			where + "tensor '" + tensor.get("id") + "' must have axes " + expected);
		final List<Map<String, Object>> list = (List<Map<String, Object>>) axes;
		final String[] types = { "batch", "space", "space", "channel" };
		final String[] ids = { null, "y", "x", null };
		for (int i = 0; i < 4; i++) {
			final Map<String, Object> a = list.get(i);
			if (!types[i].equals(a.get("type")) || ids[i] != null && !ids[i].equals(a.get("id")))
				throw new IllegalArgumentException(where + "tensor '" + tensor.get("id") + "' must have axes " +
					expected + " (TensorFlow's NHWC), in that order");
		}
		return list;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> only(final Map<String, Object> rdf, final String key,
		final String where)
	{
		final Object o = rdf.get(key);
		if (!(o instanceof List) || ((List<?>) o).size() != 1) throw new IllegalArgumentException(where +
			"a super-resolution model has exactly one of " + key);
		return (Map<String, Object>) ((List<?>) o).get(0);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> section(final Map<String, Object> rdf, final String key,
		final String where)
	{
		if (!(rdf.get(key) instanceof Map)) throw new IllegalArgumentException(where + "rdf.yaml has no " +
			key);
		return (Map<String, Object>) rdf.get(key);
	}

	private static double number(final Object o, final double fallback) {
		return o instanceof Number ? ((Number) o).doubleValue() : fallback;
	}

	private static Path inside(final Path dir, final String name, final String where) {
		final Path p = dir.resolve(name).normalize();
		if (!p.startsWith(dir) || !Files.exists(p)) throw new IllegalArgumentException(where +
			"weights '" + name + "' are not inside the package");
		return p;
	}

	/** The weights must be the bytes the package's author published: refused when they are not. */
	private static void checkSha256(final Path file, final Object expected, final String where)
		throws IOException
	{
		if (expected == null) return;
		if (Files.isDirectory(file)) throw new IllegalArgumentException(where +
			"the weights carry a sha256 but are a folder, not the file it was computed on");
		final String got = Checksums.sha256(file);
		if (!got.equalsIgnoreCase(String.valueOf(expected))) throw new IllegalArgumentException(where +
			"the weights' sha256 is " + got + ", not the " + expected +
			" rdf.yaml gives: the package was changed or damaged");
	}

	/** Unpacks {@code zip} into {@code dir}, refusing entries that would land outside it. */
	static void unzip(final Path zip, final Path dir) throws IOException {
		Files.createDirectories(dir);
		try {
			Archives.extract(zip, dir);
		}
		catch (final ZipException e) {
			throw new IllegalArgumentException(e.getMessage(), e);
		}
	}


	@Override
	public int frames() {
		return model.frames();
	}

	@Override
	public int scale() {
		return model.scale();
	}

	@Override
	public float[] predict(final float[] input, final int n, final int height, final int width) {
		return model.predict(input, n, height, width);
	}

	@Override
	public String device() {
		return model.device() + ", " + description;
	}

	public Normalisation normalisation() {
		return normalisation;
	}

	/** The crappifier recipe the model was trained on; empty when it does not say. */
	public Optional<Degradation> recipe() {
		return recipe;
	}

	@Override
	public void close() {
		model.close();
		if (unpacked != null) unpacked.close();
	}
}
