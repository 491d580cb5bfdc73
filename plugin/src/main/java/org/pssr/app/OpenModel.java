package org.pssr.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.pssr.crappify.Degradation;
import org.pssr.crappify.GaussianDegradation;
import org.pssr.crappify.IntensityMap;
import org.pssr.crappify.Movie;
import org.pssr.crappify.Normalisation;
import org.pssr.crappify.Provenance;
import org.pssr.train.SuperResolutionModel;
import org.pssr.train.infer.MovieSuperResolver;
import org.pssr.train.infer.TileSizes;
import org.pssr.train.infer.TiledPredictor;

/**
 * A model file opened for use: the network, the percentiles its inputs are normalised with and
 * the degradation it was trained on (what evaluation simulates LR frames with).
 */
public final class OpenModel implements AutoCloseable {

	private final SuperResolutionModel model;
	private final Normalisation normalisation;
	private final Degradation degradation;
	private final Degradation noiseModel;
	private final String recipe;
	private final Path file;
	private final String network;

	/**
	 * @param degradation the recipe the model was trained with; null when it records none
	 * @param recipe how to describe it; null for its own description
	 * @param file the model's file or folder; null for one that has none
	 * @param network what the network is (architecture, or where an imported one came from)
	 */
	public OpenModel(final SuperResolutionModel model, final Normalisation normalisation,
		final Degradation degradation, final String recipe, final Path file, final String network)
	{
		this.file = file;
		this.network = network;
		this.model = model;
		this.normalisation = normalisation;
		this.noiseModel = degradation;
		this.degradation = degradation != null ? degradation : new GaussianDegradation(model.scale(),
			GaussianDegradation.DEFAULT_SIGMA);
		this.recipe = recipe != null ? recipe : degradation != null ? "recipe " + degradation
			: "recipe " + this.degradation + " (the model records no recipe)";
	}

	/** The file or folder the model was read from, which no output may replace. */
	public Optional<Path> file() {
		return Optional.ofNullable(file);
	}

	/** What made the outputs of this model: the file (and its hash), network, recipe, device. */
	public Provenance provenance(final Provenance p) throws IOException {
		return provenance(p, file != null && Files.isRegularFile(file) ? Provenance.describe(file)
			: null);
	}

	/**
	 * {@link #provenance(Provenance)} with the model's file as a caller that hashed it already
	 * describes it; null for a model that is a folder or has no file.
	 */
	Provenance provenance(final Provenance p, final String hashedFile) {
		return p.with("model", hashedFile != null ? hashedFile : file == null ? "(in memory)" : file
			.getFileName() + " (folder)").with("network", network).with("scale", model.scale()).with("frames", model.frames())
			.with("recipe", degradation).with("normalisation", normalisation).with("device", model.device());
	}

	public SuperResolutionModel model() {
		return model;
	}

	/** The normalisation the model expects, fitted once for the whole {@code movie}. */
	public IntensityMap normaliser(final Movie movie) {
		return normalisation.fit(movie, "the input movie");
	}

	/**
	 * Runs the model over whole movies in tiles.
	 *
	 * @param tile LR tile side; 0 picks it from the device's free memory
	 */
	public MovieSuperResolver resolver(final int tile) {
		if (tile < 0 || tile > 4096) throw new IllegalArgumentException("tile must be 0 (automatic) " +
			"or a tile side of up to 4096 pixels, not " + tile);
		final int side = tile > 0 ? tile : TileSizes.forDevice(model.device(), model.scale());
		return new MovieSuperResolver(model, new TiledPredictor(model, side));
	}

	/** How evaluation makes LR frames: the model's recipe, or plain binning with noise. */
	public Degradation degradation() {
		return degradation;
	}

	/** The recipe the model records, whose LR noise re-noises inputs for the uncertainty map. */
	public Optional<Degradation> noiseModel() {
		return Optional.ofNullable(noiseModel);
	}

	public String recipe() {
		return recipe;
	}

	@Override
	public void close() {
		model.close();
	}
}
