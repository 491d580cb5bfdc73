package org.pssr.train.eval;

import org.pssr.crappify.IntensityMap;
import org.pssr.crappify.Normalisation;

/**
 * How the PSSR work compares a prediction with its ground truth: the truth is scaled so that its
 * 0.1 and 99.9 percentiles become 0 and 1 (not clipped), and the prediction is mapped by the affine
 * function {@code a * x + b} that fits it to that truth best in the least-squares sense. The scores
 * then measure structure, not a prediction's offset or gain.
 */
public final class PssrNormalisation {

	private PssrNormalisation() {}

	public static double[] truth(final float[] truth) {
		final IntensityMap map = Normalisation.PSSR.fit(truth.clone());
		final double[] out = new double[truth.length];
		for (int i = 0; i < truth.length; i++)
			out[i] = map.apply(truth[i]);
		return out;
	}

	/** {@code prediction} fitted by least squares to the already normalised {@code truth}. */
	public static double[] fitted(final float[] prediction, final double[] truth) {
		final int n = prediction.length;
		double meanP = 0;
		double meanT = 0;
		for (int i = 0; i < n; i++) {
			meanP += prediction[i];
			meanT += truth[i];
		}
		meanP /= n;
		meanT /= n;
		double covariance = 0;
		double variance = 0;
		for (int i = 0; i < n; i++) {
			final double dp = prediction[i] - meanP;
			covariance += dp * (truth[i] - meanT);
			variance += dp * dp;
		}
		final double a = variance > 0 ? covariance / variance : 0;
		final double b = meanT - a * meanP;
		final double[] out = new double[n];
		for (int i = 0; i < n; i++)
			out[i] = a * prediction[i] + b;
		return out;
	}
}
