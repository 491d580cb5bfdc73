package org.pssr.crappify;

import java.util.Arrays;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

/**
 * How noisy a real LR frame is next to the training data of a recipe: the robust spread of the
 * diagonal differences of its 2x2 blocks, each divided by the noise s.d. the recipe predicts at the
 * block's level. About 1 when the frame is as noisy as the training data; well below 1 when it is
 * cleaner, and a model trained for that noise then smooths the frame's detail away as if it were
 * noise (docs/quality-recipes.md: 0.91 dB below bicubic). Structure only adds to the spread, so a low
 * value is a safe sign, and a high one may be texture rather than noise.
 */
public final class NoiseMatch {

	/** Below it, a frame has less than half the noise its model was trained for. */
	public static final double CLEANER = 0.5;

	/**
	 * Blocks darker than this (normalised) are left out: in the background a camera's offset and the
	 * file's grey-level steps, not the shot noise a recipe models, set the differences.
	 */
	private static final double DARK = 0.05;

	// the s.d. of a normal variable per median absolute value
	private static final double MAD_TO_SD = 1.4826;

	private NoiseMatch() {}

	/**
	 * @param frame a raw LR frame
	 * @param normaliser the intensity map the model applies to it
	 * @param recipe the model's training recipe, whose noise variance is in normalised units
	 * @return the frame's noise s.d. as a fraction of the recipe's; NaN when no block above the dark
	 *         background has predicted noise
	 */
	public static double ratio(final RandomAccessibleInterval<FloatType> frame,
		final IntensityMap normaliser, final Degradation recipe)
	{
		final long x0 = frame.min(0);
		final long y0 = frame.min(1);
		final int blocksX = (int) (frame.dimension(0) / 2);
		final int blocksY = (int) (frame.dimension(1) / 2);
		final float[] z = new float[blocksX * blocksY];
		int n = 0;
		final RandomAccess<FloatType> ra = frame.randomAccess();
		for (int by = 0; by < blocksY; by++) {
			for (int bx = 0; bx < blocksX; bx++) {
				final float a = value(ra, normaliser, x0 + 2 * bx, y0 + 2 * by);
				final float b = value(ra, normaliser, x0 + 2 * bx + 1, y0 + 2 * by);
				final float c = value(ra, normaliser, x0 + 2 * bx, y0 + 2 * by + 1);
				final float d = value(ra, normaliser, x0 + 2 * bx + 1, y0 + 2 * by + 1);
				// for white noise of s.d. s, (a - b - c + d) / 2 has s.d. s; smooth signal cancels
				final double level = (a + b + c + d) / 4.0;
				final double sd = Math.sqrt(recipe.lrNoiseVariance(level));
				if (level >= DARK && sd > 1e-6) z[n++] = (float) (Math.abs(a - b - c + d) / 2 / sd);
			}
		}
		if (n == 0) return Double.NaN;
		Arrays.sort(z, 0, n);
		return MAD_TO_SD * z[n / 2];
	}

	private static float value(final RandomAccess<FloatType> ra, final IntensityMap normaliser,
		final long x, final long y)
	{
		ra.setPosition(x, 0);
		ra.setPosition(y, 1);
		return normaliser.apply(ra.get().get());
	}
}
