package org.pssr.fiji;

import org.pssr.crappify.Movie;
import org.pssr.train.SuperResolutionModel;
import org.pssr.crappify.Degradation;
import org.pssr.crappify.IntensityMap;
import org.pssr.crappify.Normalisation;

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
