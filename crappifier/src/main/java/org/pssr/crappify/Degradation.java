package org.pssr.crappify;

import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A crappification recipe: turns one HR frame tile (normalised units) into a noisy LR tile the way
 * a microscope at lower resolution and dose would have recorded it. Pure apart from the random
 * numbers it takes from the given provider, so a seeded provider makes it reproducible.
 */
public interface Degradation {

	/** Recipe name as recorded in manifests and model bundles, e.g. {@code pssr}. */
	String name();

	/** Downsampling factor: the LR tile is {@code width / scale} x {@code height / scale}. */
	int scale();

	/** Every parameter with its value (scale included), in a stable order, for the record. */
	Map<String, Double> parameters();

	/**
	 * @param hr row-major HR tile, {@code width x height}, both multiples of {@link #scale()}; not
	 *          modified
	 * @return row-major LR tile
	 */
	float[] apply(float[] hr, int width, int height, UniformRandomProvider rng);

	/**
	 * The variance of the noise this recipe leaves in an LR pixel whose noise-free normalised value
	 * is {@code value}: the model's noise model, with which a real LR movie is re-noised to see how
	 * much the output depends on the noise (the uncertainty map).
	 */
	double lrNoiseVariance(double value);

	/**
	 * Two independent degradations of the same tile, each exactly what {@link #apply} gives with its
	 * provider; recipes override it to share work that does not depend on the noise.
	 */
	default float[][] applyTwice(final float[] hr, final int width, final int height,
		final UniformRandomProvider rng1, final UniformRandomProvider rng2)
	{
		return new float[][] { apply(hr, width, height, rng1), apply(hr, width, height, rng2) };
	}
}
