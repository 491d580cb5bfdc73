package org.pssr.train.eval;

/**
 * Makes the LR frame a microscope would have recorded of an HR frame: what evaluation feeds the
 * model instead of a real LR movie. A model is best evaluated with the recipe it was trained on.
 */
@FunctionalInterface
public interface FrameDegrader {

	/**
	 * @param hr row-major {@code (width * scale) x (height * scale)} frame in normalised units
	 * @param seed noise draw; the same seed gives the same LR frame
	 * @return row-major {@code width x height} LR frame in normalised units
	 */
	float[] degrade(float[] hr, int width, int height, int scale, long seed);
}
