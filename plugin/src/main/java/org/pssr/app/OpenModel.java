package org.pssr.app;

import java.nio.file.Path;
import java.util.Optional;

import org.pssr.crappify.Degradation;
import org.pssr.crappify.IntensityMap;
import org.pssr.crappify.Movie;
import org.pssr.crappify.Normalisation;
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
	private final String recipe;
	private final Path file;

	/** @param file the model's file or folder; null for one that has none */
	public OpenModel(final SuperResolutionModel model, final Normalisation normalisation,
		final Degradation degradation, final String recipe, final Path file)
	{
		this.file = file;
		this.model = model;
		this.normalisation = normalisation;
		this.degradation = degradation;
		this.recipe = recipe;
	}

	/** The file or folder the model was read from, which no output may replace. */
	public Optional<Path> file() {
		return Optional.ofNullable(file);
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

	public String recipe() {
		return recipe;
	}

	@Override
	public void close() {
		model.close();
	}
}
