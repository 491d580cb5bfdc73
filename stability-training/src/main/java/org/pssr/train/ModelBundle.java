package org.pssr.train;

import java.io.ByteArrayInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;

import org.pssr.crappify.Degradation;
import org.pssr.crappify.Degradations;
import org.pssr.crappify.Normalisation;
import org.pssr.crappify.Provenance;
import org.pssr.crappify.io.Archives;
import org.pssr.crappify.io.StagedOutput;

/**
 * A trained model in one file ({@code *.pssr.zip}): {@code model.json} (architecture, frames, scale,
 * normalisation, crappifier recipe, training record, metrics, software versions) and
 * {@code weights.bin}. {@link #load} checks everything before any weight is used and refuses a
 * bundle that does not fit, with a message that says why. Bundles of format 1 (the recipe as a line
 * of text) still load.
 */
public final class ModelBundle implements AutoCloseable {

	public static final String FORMAT = "pssr-model";
	public static final int FORMAT_VERSION = 2;
	public static final String SUFFIX = ".pssr.zip";
	static final String MODEL_JSON = "model.json";
	static final String WEIGHTS = "weights.bin";

	private final Path path;
	private final BundleJson json;
	private final Optional<Degradation> recipe;
	private final DjlSuperResolutionModel model;

	private ModelBundle(final Path path, final BundleJson json, final Optional<Degradation> recipe,
		final DjlSuperResolutionModel model)
	{
		this.path = path;
		this.json = json;
		this.recipe = recipe;
		this.model = model;
	}

	/** {@code MODEL.pssr.zip} keeps its training checkpoints in {@code MODEL.checkpoints/} beside it. */
	public static Path checkpointFolder(final Path model) {
		final String name = model.getFileName().toString();
		final String stem = name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length())
			: name;
		return model.toAbsolutePath().resolveSibling(stem + ".checkpoints");
	}

	/**
	 * Writes {@code net} and its description atomically (temporary file, then move).
	 *
	 * @param recipe how the training samples were degraded; empty when unknown
	 * @param data what the training samples were, in one line ({@code TwinSource.describe()})
	 * @param training the training record ({@link TrainingResult#record()}); may be empty
	 */
	public static void save(final Path file, final Network net, final Normalisation normalisation,
		final Optional<Degradation> recipe, final String data, final JsonObject training)
		throws IOException
	{
		final BundleJson m = new BundleJson();
		m.format = FORMAT;
		m.formatVersion = FORMAT_VERSION;
		m.architecture = net.architecture();
		m.frames = net.architecture().frames();
		m.scale = net.architecture().scale();
		m.parameters = net.parameterCount();
		m.flopsPerHrPixel = net.flopsPerHrPixel(512);
		m.normalisation = normalisation;
		m.recipe = recipe.map(r -> (JsonElement) Degradations.toJson(r)).orElse(null);
		m.data = data;
		m.training = training;
		m.software = new BundleJson.Software();
		m.software.pssrFiji = Provenance.version();
		m.created = Provenance.created();
		m.software.djl = Engines.djlVersion();
		m.software.engine = Engines.ENGINE + " " + Engines.pytorch().getVersion();
		m.software.java = System.getProperty("java.version");
		try (StagedOutput staged = StagedOutput.file(file)) {
			try (OutputStream os = Files.newOutputStream(staged.path()); ZipOutputStream zip = new ZipOutputStream(
				new BufferedOutputStream(os, 1 << 16)))
			{
				zip.putNextEntry(new ZipEntry(MODEL_JSON));
				zip.write(TrainingJson.GSON.toJson(m).getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
				zip.putNextEntry(new ZipEntry(WEIGHTS));
				final DataOutputStream out = new DataOutputStream(zip);
				net.weights().write(out);
				out.flush();
				zip.closeEntry();
			}
			staged.commit();
		}
	}

	/** {@link #load(Path, String)} on the device {@code auto} picks. */
	public static ModelBundle load(final Path file) throws IOException {
		return load(file, "auto");
	}

	/**
	 * @param device {@code auto}, {@code cpu} or {@code gpu}
	 * @throws InvalidBundleException if the file is not a bundle this build can use
	 */
	public static ModelBundle load(final Path file, final String device) throws IOException {
		final Map<String, byte[]> entries = entries(file);
		final BundleJson json = readJson(entries, file);
		final Optional<Degradation> recipe;
		try {
			recipe = Degradations.recorded(json.recipe, json.scale);
		}
		catch (final IllegalArgumentException e) {
			throw new InvalidBundleException(file + ": " + e.getMessage(), e);
		}
		final byte[] weights = entries.get(WEIGHTS);
		if (weights == null) throw new InvalidBundleException(file + " has no " + WEIGHTS);
		final Network net = json.architecture.build(Engines.device(device), 0);
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(weights))) {
			ai.djl.pytorch.jni.JniUtils.setGradMode(false);
			net.weights().read(in);
			return new ModelBundle(file, json, recipe, new DjlSuperResolutionModel(net));
		}
		catch (final Weights.Damaged e) {
			net.close();
			throw new InvalidBundleException(file + ": " + e.getMessage(), e);
		}
		catch (final IOException e) {
			net.close();
			throw new InvalidBundleException(file + ": weights do not fit the " + json.architecture
				.preset() + " architecture it declares: " + (e instanceof EOFException ? WEIGHTS +
					" ends early" : e.getMessage()), e);
		}
		catch (final RuntimeException | Error e) {
			net.close();
			throw e;
		}
	}

	/**
	 * The whole {@code model.json} of a bundle, checked as {@link #load} checks it, without loading
	 * the network: for what a bundle records (its training run) when its weights are not needed.
	 */
	public static JsonObject record(final Path file) throws IOException {
		return TrainingJson.GSON.toJsonTree(readJson(entries(file), file)).getAsJsonObject();
	}

	/**
	 * How long the bundle's training ran, in seconds, read as {@link #record} reads it (without
	 * loading the network); 0 for a bundle that records no training.
	 */
	public static double trainingSeconds(final Path file) throws IOException {
		final BundleJson json = readJson(entries(file), file);
		if (json.training == null || !json.training.isJsonObject()) return 0;
		return TrainingJson.GSON.fromJson(json.training, TrainingRecord.class).seconds;
	}

	private static Map<String, byte[]> entries(final Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new InvalidBundleException("no model bundle at " + file);
		try {
			return Archives.read(file);
		}
		catch (final ZipException e) {
			throw new InvalidBundleException(file + " is not a model bundle: " + e.getMessage(), e);
		}
	}

	private static BundleJson readJson(final Map<String, byte[]> entries, final Path file) {
		final byte[] bytes = entries.get(MODEL_JSON);
		if (bytes == null) throw new InvalidBundleException(file + " is not a model bundle (no " +
			MODEL_JSON + ")");
		final BundleJson json;
		try {
			json = TrainingJson.GSON.fromJson(new String(bytes, StandardCharsets.UTF_8), BundleJson.class);
		}
		catch (final JsonParseException | IllegalStateException | NumberFormatException e) {
			throw new InvalidBundleException(file + ": model.json is not valid: " + e.getMessage(), e);
		}
		if (json == null || !FORMAT.equals(json.format)) throw new InvalidBundleException(file +
			" is not a PSSR model bundle (format is not " + FORMAT + ")");
		if (json.formatVersion < 1 || json.formatVersion > FORMAT_VERSION) throw new InvalidBundleException(
			file + " is a version " + json.formatVersion + " bundle; this build reads versions 1 to " +
				FORMAT_VERSION + (json.formatVersion > FORMAT_VERSION ? ": update pssr-fiji" : ""));
		if (json.architecture == null || json.normalisation == null) throw new InvalidBundleException(
			file + ": model.json lacks " + (json.architecture == null ? "'architecture'"
				: "'normalisation'"));
		if (json.frames != json.architecture.frames() || json.scale != json.architecture.scale())
			throw new InvalidBundleException(file + ": frames/scale disagree with the architecture");
		return json;
	}

	public Path path() {
		return path;
	}

	public Architecture config() {
		return json.architecture;
	}

	public int frames() {
		return json.frames;
	}

	public int scale() {
		return json.scale;
	}

	/** How movies must be normalised before {@link SuperResolutionModel#predict} and restored after. */
	public Normalisation normalisation() {
		return json.normalisation;
	}

	/** The crappifier recipe the model was trained on; empty when the bundle does not say. */
	public Optional<Degradation> recipe() {
		return recipe;
	}

	/** What the training samples were, in one line; empty for bundles that do not say. */
	public String data() {
		if (json.data != null) return json.data;
		return json.recipe != null && json.recipe.isJsonPrimitive() ? json.recipe.getAsString() : "";
	}

	/** The whole {@code model.json}. */
	public JsonObject json() {
		return TrainingJson.GSON.toJsonTree(json).getAsJsonObject();
	}

	/** The network, ready to predict; closed with the bundle. */
	public DjlSuperResolutionModel model() {
		return model;
	}

	@Override
	public void close() {
		model.close();
	}
}
