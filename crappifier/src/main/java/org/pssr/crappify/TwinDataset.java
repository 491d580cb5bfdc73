package org.pssr.crappify;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;

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
	private final DatasetManifest manifest;
	private final List<TiffStackReader> readers = new ArrayList<>();
	private final StoredTwinSource train;
	private final StoredTwinSource valid;

	private TwinDataset(final Path folder, final DatasetManifest manifest) throws IOException {
		this.folder = folder;
		this.manifest = manifest;
		try {
			if (!FORMAT.equals(manifest.format)) throw bad("not a " + FORMAT + " manifest");
			if (manifest.version != VERSION) throw bad("version " + manifest.version +
				" is not supported (this build reads " + VERSION + ")");
			if (manifest.recipe == null || manifest.draw == null || manifest.counts == null ||
				manifest.normalisation == null) throw bad("incomplete manifest");
			if (manifest.recipe.scale() != manifest.scale) throw bad("the recipe is for x" + manifest.recipe
				.scale() + ", the dataset x" + manifest.scale);
			train = split(Split.TRAIN, manifest.counts.train);
			valid = split(Split.VALID, manifest.counts.valid);
		}
		catch (final IOException | RuntimeException e) {
			close();
			throw e;
		}
	}

	/** Opens and validates a dataset; a folder without a complete manifest is refused. */
	public static TwinDataset open(final Path folder) throws IOException {
		return new TwinDataset(folder, read(folder));
	}

	private static DatasetManifest read(final Path folder) throws IOException {
		final Path file = folder.resolve(MANIFEST);
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException(folder + " is not a twin dataset (no " + MANIFEST + ")");
		}
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			final DatasetManifest m = Records.gson().fromJson(in, DatasetManifest.class);
			if (m == null) throw new IllegalArgumentException(file + ": empty");
			return m;
		}
		catch (final JsonParseException | IllegalArgumentException | IllegalStateException e) {
			throw new IllegalArgumentException(file + ": malformed manifest: " + e.getMessage(), e);
		}
	}

	/** Whether the folder holds a manifest of this format (cheap; does not validate the stacks). */
	public static boolean isDataset(final Path folder) {
		try {
			return FORMAT.equals(read(folder).format);
		}
		catch (final IOException | RuntimeException e) {
			return false;
		}
	}

	private StoredTwinSource split(final Split split, final int count) throws IOException {
		if (count < 0) throw bad("negative count for " + split.folder());
		if (count == 0) return null;
		final Path dir = folder.resolve(split.folder());
		final int lr = manifest.tile / manifest.scale;
		final TiffStackReader targets = stack(dir.resolve(TARGETS), manifest.tile, count);
		final TiffStackReader lr1 = stack(dir.resolve(LR1), lr, count * manifest.frames);
		final TiffStackReader lr2 = stack(dir.resolve(LR2), lr, count * manifest.frames);
		return new StoredTwinSource(targets, lr1, lr2, count, manifest.frames, manifest.recipe,
			describe());
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
		return valid != null ? valid : new StoredTwinSource(null, null, null, 0, manifest.frames,
			manifest.recipe, describe());
	}

	public int scale() {
		return manifest.scale;
	}

	public int frames() {
		return manifest.frames;
	}

	public int tile() {
		return manifest.tile;
	}

	/** The recipe that made the dataset, to draw more of the same on the fly. */
	public Degradation degradation() {
		return manifest.recipe;
	}

	/** How the dataset's movies were normalised. */
	public Normalisation normalisation() {
		return manifest.normalisation;
	}

	/**
	 * The draw options that made the dataset; with {@link #degradation()} and the same movies, a
	 * {@link TwinCrappifier} that reproduces it at epoch 0.
	 */
	public TwinOptions options() {
		final DatasetManifest.Draw d = manifest.draw;
		return new TwinOptions().frames(manifest.frames).tile(manifest.tile).seed(d.seed).minSignal(
			d.minSignal).maxTries(d.maxTries).augment(d.augment).validation(d.validationFraction);
	}

	/** The whole manifest, for what has no getter (sources, hashes, seeds). */
	public JsonObject manifest() {
		return Records.gson().toJsonTree(manifest).getAsJsonObject();
	}

	public String describe() {
		return "recipe=" + manifest.recipe.name() + " " + manifest.recipe.parameters() + " frames=" +
			manifest.frames + " tile=" + manifest.tile + " seed=" + manifest.draw.seed + " dataset=" +
			folder.getFileName();
	}

	@Override
	public void close() throws IOException {
		for (final TiffStackReader r : readers) {
			r.close();
		}
	}

	/** A dataset that does not hold what its manifest says: the user's input, refused. */
	private IllegalArgumentException bad(final String why) {
		return new IllegalArgumentException(folder.resolve(MANIFEST) + ": " + why);
	}
}
