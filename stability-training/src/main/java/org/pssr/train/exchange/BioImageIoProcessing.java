package org.pssr.train.exchange;

import org.pssr.crappify.IntensityMap;
import org.pssr.crappify.Normalisation;

/**
 * The two bioimage.io processing steps our packages declare, as the spec defines them, so the
 * packaged test output is what a bioimage.io consumer computes from the packaged test input. Both
 * reduce jointly over every axis but batch, and the packages hold one sample.
 */
public final class BioImageIoProcessing {

	public static final double EPS = 1e-6;

	private BioImageIoProcessing() {}

	/** {@code scale_range}: {@code (x - p_low) / (p_high - p_low + eps)}, percentiles as NumPy's. */
	public static float[] scaleRange(final float[] x, final Normalisation normalisation) {
		final IntensityMap map = normalisation.fit(x.clone()).withEps(EPS);
		final float[] y = x.clone();
		map.apply(y);
		return y;
	}

	/**
	 * {@code scale_mean_variance}: {@code (x - mean(x)) / (std(x) + eps) * (std(ref) + eps) +
	 * mean(ref)}, population standard deviations.
	 */
	public static float[] scaleMeanVariance(final float[] x, final float[] reference) {
		final double[] mx = meanStd(x);
		final double[] mr = meanStd(reference);
		final float[] y = new float[x.length];
		for (int i = 0; i < x.length; i++) {
			y[i] = (float) ((x[i] - mx[0]) / (mx[1] + EPS) * (mr[1] + EPS) + mr[0]);
		}
		return y;
	}

	private static double[] meanStd(final float[] v) {
		double sum = 0;
		for (final float f : v) {
			sum += f;
		}
		final double mean = sum / v.length;
		double sq = 0;
		for (final float f : v) {
			sq += (f - mean) * (f - mean);
		}
		return new double[] { mean, Math.sqrt(sq / v.length) };
	}
}
