package org.pssr.fiji;

import org.pssr.crappify.Movie;
import org.pssr.train.SuperResolutionModel;
import org.pssr.train.eval.FrameDegrader;
import org.pssr.train.infer.IntensityNormaliser;

/**
 * A model file opened for use: the network, the percentiles its inputs are normalised with and
 * the degradation it was trained on (what evaluation simulates LR frames with).
 */
public final class OpenModel implements AutoCloseable {

	private final SuperResolutionModel model;
	private final double lowPercent;
	private final double highPercent;
	private final FrameDegrader degrader;
	private final String recipe;

	public OpenModel(final SuperResolutionModel model, final double lowPercent,
		final double highPercent, final FrameDegrader degrader, final String recipe)
	{
		this.model = model;
		this.lowPercent = lowPercent;
		this.highPercent = highPercent;
		this.degrader = degrader;
		this.recipe = recipe;
	}

	public SuperResolutionModel model() {
		return model;
	}

	/** The normalisation the model expects, computed once for the whole {@code movie}. */
	public IntensityNormaliser normaliser(final Movie movie) {
		return IntensityNormaliser.percentiles(movie, lowPercent, highPercent);
	}

	public FrameDegrader degrader() {
		return degrader;
	}

	public String recipe() {
		return recipe;
	}

	@Override
	public void close() {
		model.close();
	}
}
