package org.pssr.app;

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

	public OpenModel(final SuperResolutionModel model, final Normalisation normalisation,
		final Degradation degradation, final String recipe)
	{
		this.model = model;
		this.normalisation = normalisation;
		this.degradation = degradation;
		this.recipe = recipe;
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
		if (tile < 0) throw new IllegalArgumentException("tile must be 0 (automatic) or a tile side " +
			"in pixels, not " + tile);
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
