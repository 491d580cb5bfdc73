package org.pssr.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.pssr.crappify.Normalisation;

/**
 * A trained model in one file ({@code *.pssr.zip}): {@code model.json} (architecture, frames, scale,
 * normalisation, crappifier recipe, training record, metrics, software versions) and
 * {@code weights.bin}. {@link #load} checks everything before any weight is used and refuses a
 * bundle that does not fit, with a message that says why.
 */
public final class ModelBundle implements AutoCloseable {

	public static final String FORMAT = "pssr-model";
	public static final int FORMAT_VERSION = 1;
	public static final String SUFFIX = ".pssr.zip";

	/** {@code MODEL.pssr.zip} keeps its training checkpoints in {@code MODEL.checkpoints/} beside it. */
	public static Path checkpointFolder(final Path model) {
		final String name = model.getFileName().toString();
		final String stem = name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length())
			: name;
		return model.toAbsolutePath().resolveSibling(stem + ".checkpoints");
	}
	static final String MODEL_JSON = "model.json";
	static final String WEIGHTS = "weights.bin";

	private final Path path;
	private final JsonObject json;
	private final UNetConfig config;
	private final Normalisation normalisation;
	private final DjlSuperResolutionModel model;

	private ModelBundle(final Path path, final JsonObject json, final UNetConfig config,
		final Normalisation normalisation, final DjlSuperResolutionModel model)
	{
		this.path = path;
		this.json = json;
		this.config = config;
		this.normalisation = normalisation;
		this.model = model;
	}

	/**
	 * Writes {@code net} and its description atomically (temporary file, then move).
	 *
	 * @param recipe how the training samples were made ({@code TwinSource.describe()})
	 * @param training the training record ({@link TrainingResult#record()}); may be empty
	 */
	public static void save(final Path file, final UNet net, final Normalisation normalisation,
		final String recipe, final JsonObject training) throws IOException
	{
		final JsonObject m = new JsonObject();
		m.addProperty("format", FORMAT);
		m.addProperty("formatVersion", FORMAT_VERSION);
		m.add("architecture", net.config().toJson());
		m.addProperty("frames", net.config().frames());
		m.addProperty("scale", net.config().scale());
		m.addProperty("parameters", net.parameterCount());
		m.addProperty("flopsPerHrPixel", net.flopsPerHrPixel(512));
		m.add("normalisation", normalisation.toJson());
		m.addProperty("recipe", recipe);
		m.add("training", training);
		final JsonObject sw = new JsonObject();
		sw.addProperty("pssr-fiji", version());
		sw.addProperty("djl", Engines.djlVersion());
		sw.addProperty("engine", Engines.ENGINE + " " + Engines.pytorch().getVersion());
		sw.addProperty("java", System.getProperty("java.version"));
		m.add("software", sw);
		final Path dir = file.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		final Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
		try {
			try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(
				new BufferedOutputStream(os, 1 << 16)))
			{
				zip.putNextEntry(new ZipEntry(MODEL_JSON));
				zip.write(m.toString().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
				zip.putNextEntry(new ZipEntry(WEIGHTS));
				final DataOutputStream out = new DataOutputStream(zip);
				net.weights().write(out);
				out.flush();
				zip.closeEntry();
			}
			Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(tmp);
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
		if (!Files.isRegularFile(file)) throw new InvalidBundleException("no model bundle at " + file);
		try (ZipFile zip = openZip(file)) {
			checkEntries(zip, file);
			final JsonObject json = readJson(zip, file);
			final UNetConfig config;
			final Normalisation normalisation;
			try {
				config = UNetConfig.fromJson(json.getAsJsonObject("architecture"));
				normalisation = Normalisation.fromJson(json.getAsJsonObject("normalisation"));
			}
			catch (final RuntimeException e) {
				throw new InvalidBundleException(file + ": model.json does not describe a network this build knows: " +
					e.getMessage(), e);
			}
			if (json.get("frames").getAsInt() != config.frames() || json.get("scale").getAsInt() != config
				.scale())
			{
				throw new InvalidBundleException(file + ": frames/scale disagree with the architecture");
			}
			final UNet net = new UNet(config, Engines.device(device), 0);
			try {
				final ZipEntry w = zip.getEntry(WEIGHTS);
				if (w == null) throw new InvalidBundleException(file + " has no " + WEIGHTS);
				try (InputStream is = zip.getInputStream(w); DataInputStream in = new DataInputStream(
					new BufferedInputStream(is, 1 << 16)))
				{
					ai.djl.pytorch.jni.JniUtils.setGradMode(false);
					net.weights().read(in);
				}
				catch (final IOException e) {
					throw new InvalidBundleException(file + ": weights do not fit the " + config.preset() +
						" architecture it declares: " + e.getMessage(), e);
				}
				return new ModelBundle(file, json, config, normalisation, new DjlSuperResolutionModel(net));
			}
			catch (final RuntimeException | Error e) {
				net.close();
				throw e;
			}
		}
	}

	private static ZipFile openZip(final Path file) throws IOException {
		try {
			return new ZipFile(file.toFile());
		}
		catch (final java.util.zip.ZipException e) {
			throw new InvalidBundleException(file + " is not a model bundle (not a zip file)", e);
		}
	}

	/** Refuses entries that would land outside the bundle if it were unpacked (zip slip). */
	private static void checkEntries(final ZipFile zip, final Path file) {
		final Enumeration<? extends ZipEntry> entries = zip.entries();
		while (entries.hasMoreElements()) {
			final String name = entries.nextElement().getName();
			final String n = name.replace('\\', '/');
			boolean outside = n.startsWith("/") || n.matches("^[A-Za-z]:.*");
			for (final String part : n.split("/")) {
				outside |= part.equals("..");
			}
			if (outside) throw new InvalidBundleException(file + " is refused: entry '" + name +
				"' points outside the bundle");
		}
	}

	private static JsonObject readJson(final ZipFile zip, final Path file) throws IOException {
		final ZipEntry e = zip.getEntry(MODEL_JSON);
		if (e == null) throw new InvalidBundleException(file + " is not a model bundle (no " + MODEL_JSON +
			")");
		final JsonObject json;
		try (InputStream in = zip.getInputStream(e)) {
			final JsonElement parsed = JsonParser.parseString(new String(in.readAllBytes(),
				StandardCharsets.UTF_8));
			if (!parsed.isJsonObject()) throw new InvalidBundleException(file + ": model.json is not an object");
			json = parsed.getAsJsonObject();
		}
		catch (final RuntimeException ex) {
			if (ex instanceof InvalidBundleException) throw ex;
			throw new InvalidBundleException(file + ": model.json is not valid JSON: " + ex.getMessage(), ex);
		}
		if (!json.has("format") || !FORMAT.equals(json.get("format").getAsString())) {
			throw new InvalidBundleException(file + " is not a PSSR model bundle (format is not " + FORMAT +
				")");
		}
		final int v = json.has("formatVersion") ? json.get("formatVersion").getAsInt() : -1;
		if (v != FORMAT_VERSION) throw new InvalidBundleException(file + " is a version " + v +
			" bundle; this build reads version " + FORMAT_VERSION + (v > FORMAT_VERSION
				? ": update pssr-fiji" : ""));
		for (final String key : new String[] { "architecture", "frames", "scale", "normalisation" }) {
			if (!json.has(key)) throw new InvalidBundleException(file + ": model.json lacks '" + key + "'");
		}
		return json;
	}

	static String version() {
		final String v = ModelBundle.class.getPackage().getImplementationVersion();
		return v == null ? "development" : v;
	}

	public Path path() {
		return path;
	}

	public UNetConfig config() {
		return config;
	}

	public int frames() {
		return config.frames();
	}

	public int scale() {
		return config.scale();
	}

	/** How movies must be normalised before {@link SuperResolutionModel#predict} and restored after. */
	public Normalisation normalisation() {
		return normalisation;
	}

	/** The crappifier recipe the model was trained on. */
	public String recipe() {
		return json.has("recipe") ? json.get("recipe").getAsString() : "";
	}

	/** The whole {@code model.json}. */
	public JsonObject json() {
		return json.deepCopy();
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
