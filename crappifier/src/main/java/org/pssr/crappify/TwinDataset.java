package org.pssr.crappify;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import org.pssr.crappify.io.TiffStackReader;

/**
 * A twin dataset folder written by {@link TwinDatasetWriter}, opened for training: the manifest is
 * checked against the TIFF stacks (format, version, counts, tile sizes) before anything is read, and
 * each split is a {@link TwinSource} that reads sample i from disk on demand.
 */
public final class TwinDataset implements AutoCloseable {

	public static final String FORMAT = "pssr-twin-dataset";
	public static final int VERSION = 1;
	public static final String MANIFEST = "manifest.json";
	static final String TARGETS = "targets.tif";
	static final String LR1 = "lr1.tif";
	static final String LR2 = "lr2.tif";

	private final Path folder;
	private final JsonObject manifest;
	private final int scale;
	private final int frames;
	private final int tile;
	private final String recipe;
	private final Map<String, Double> parameters = new LinkedHashMap<>();
	private final List<TiffStackReader> readers = new ArrayList<>();
	private final StoredTwinSource train;
	private final StoredTwinSource valid;

	private TwinDataset(final Path folder, final JsonObject manifest) throws IOException {
		this.folder = folder;
		this.manifest = manifest;
		try {
			if (!FORMAT.equals(string(manifest, "format"))) throw bad("not a " + FORMAT + " manifest");
			if (integer(manifest, "version") != VERSION) throw bad("version " + manifest.get(
				"version") + " is not supported (this build reads " + VERSION + ")");
			scale = integer(manifest, "scale");
			frames = integer(manifest, "frames");
			tile = integer(manifest, "tile");
			final JsonObject r = object(manifest, "recipe");
			recipe = string(r, "name");
			for (final Map.Entry<String, JsonElement> e : object(r, "parameters").entrySet()) {
				parameters.put(e.getKey(), e.getValue().getAsDouble());
			}
			final JsonObject counts = object(manifest, "counts");
			train = split(Split.TRAIN, integer(counts, Split.TRAIN.folder()));
			valid = split(Split.VALID, integer(counts, Split.VALID.folder()));
		}
		catch (final IOException | RuntimeException e) {
			close();
			throw e;
		}
	}

	/** Opens and validates a dataset; a folder without a complete manifest is refused. */
	public static TwinDataset open(final Path folder) throws IOException {
		final Path file = folder.resolve(MANIFEST);
		if (!Files.isRegularFile(file)) {
			throw new IOException(folder + " is not a twin dataset (no " + MANIFEST + ")");
		}
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			final JsonElement json = JsonParser.parseReader(in);
			if (!json.isJsonObject()) throw new IOException(file + ": not a JSON object");
			return new TwinDataset(folder, json.getAsJsonObject());
		}
		catch (final JsonParseException e) {
			throw new IOException(file + ": malformed JSON: " + e.getMessage(), e);
		}
	}

	/** Whether the folder holds a manifest of this format (cheap; does not validate the stacks). */
	public static boolean isDataset(final Path folder) {
		final Path file = folder.resolve(MANIFEST);
		if (!Files.isRegularFile(file)) return false;
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			final JsonElement json = JsonParser.parseReader(in);
			return json.isJsonObject() && json.getAsJsonObject().has("format") && FORMAT.equals(json
				.getAsJsonObject().get("format").getAsString());
		}
		catch (final IOException | RuntimeException e) {
			return false;
		}
	}

	private StoredTwinSource split(final Split split, final int count) throws IOException {
		if (count < 0) throw bad("negative count for " + split.folder());
		if (count == 0) return null;
		final Path dir = folder.resolve(split.folder());
		final int lr = tile / scale;
		final TiffStackReader targets = stack(dir.resolve(TARGETS), tile, count);
		final TiffStackReader lr1 = stack(dir.resolve(LR1), lr, count * frames);
		final TiffStackReader lr2 = stack(dir.resolve(LR2), lr, count * frames);
		return new StoredTwinSource(targets, lr1, lr2, count, frames, scale, describe());
	}

	private TiffStackReader stack(final Path file, final int size, final int planes)
		throws IOException
	{
		if (!Files.isRegularFile(file)) throw bad("missing " + folder.relativize(file));
		final TiffStackReader r = new TiffStackReader(file);
		readers.add(r);
		if (r.width() != size || r.height() != size || r.planes() != planes) {
			throw bad(folder.relativize(file) + " is " + r.width() + " x " + r.height() + " x " + r
				.planes() + ", the manifest says " + size + " x " + size + " x " + planes);
		}
		return r;
	}

	public TwinSource train() {
		return train;
	}

	/** The validation split; empty (size 0) when none was written. */
	public TwinSource valid() {
		return valid != null ? valid : new StoredTwinSource(null, null, null, 0, frames, scale,
			describe());
	}

	public int scale() {
		return scale;
	}

	public int frames() {
		return frames;
	}

	public int tile() {
		return tile;
	}

	public String recipe() {
		return recipe;
	}

	public Map<String, Double> parameters() {
		return Collections.unmodifiableMap(parameters);
	}

	/** The recipe that made the dataset, to draw more of the same on the fly. */
	public Degradation degradation() {
		return Degradations.create(recipe, scale, parameters);
	}

	/**
	 * The draw options that made the dataset; with {@link #degradation()} and the same movies, a
	 * {@link TwinCrappifier} that reproduces it at epoch 0.
	 */
	public TwinOptions options() {
		final JsonObject d = object(manifest, "draw");
		return new TwinOptions().frames(frames).tile(tile).seed(d.get("seed").getAsLong()).minSignal(d
			.get("minSignal").getAsDouble()).maxTries(d.get("maxTries").getAsInt()).augment(d.get(
				"augment").getAsBoolean()).validation(d.get("validationFraction").getAsDouble());
	}

	/** How the dataset's movies were normalised. */
	public Normalisation normalisation() {
		return Normalisation.fromJson(object(manifest, "normalisation"));
	}

	/** The whole manifest, for what has no getter (sources, hashes, seeds). */
	public JsonObject manifest() {
		return manifest.deepCopy();
	}

	public String describe() {
		return "recipe=" + recipe + " " + parameters + " frames=" + frames + " tile=" + tile +
			" seed=" + object(manifest, "draw").get("seed") + " dataset=" + folder.getFileName();
	}

	@Override
	public void close() throws IOException {
		for (final TiffStackReader r : readers) {
			r.close();
		}
	}

	private IOException bad(final String why) {
		return new IOException(folder.resolve(MANIFEST) + ": " + why);
	}

	private JsonObject object(final JsonObject o, final String key) {
		final JsonElement e = o.get(key);
		if (e == null || !e.isJsonObject()) throw new IllegalArgumentException(folder.resolve(
			MANIFEST) + ": missing object '" + key + "'");
		return e.getAsJsonObject();
	}

	private String string(final JsonObject o, final String key) {
		final JsonElement e = o.get(key);
		if (e == null || !e.isJsonPrimitive()) throw new IllegalArgumentException(folder.resolve(
			MANIFEST) + ": missing '" + key + "'");
		return e.getAsString();
	}

	private int integer(final JsonObject o, final String key) {
		try {
			return Integer.parseInt(string(o, key));
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException(folder.resolve(MANIFEST) + ": '" + key +
				"' is not an integer");
		}
	}
}
