package org.pssr.train.eval;

import java.util.List;

import org.pssr.crappify.GaussianBlur;

/**
 * The sigma of the Gaussian blur after upsampling that scores best against the truth: the best any
 * smoothing of that kind can do on the movie, found with the truth in hand (an oracle, which no
 * user has), so that a model is measured against the strongest classical answer, not the weakest.
 * Mean PSNR (after the PSSR normalisation and affine fit) over a few frames spread over the movie,
 * on a coarse grid of sigmas, then refined by golden-section search around the best of them.
 */
final class BlurOracle {

	/** Frames of the movie the sigma is chosen on. */
	static final int SAMPLE_FRAMES = 6;
	/** The coarse grid, in LR pixels: from no blur to 3 LR pixels. */
	private static final double[] GRID = { 0, 1 / 16.0, 1 / 8.0, 3 / 16.0, 1 / 4.0, 3 / 8.0, 1 / 2.0,
		3 / 4.0, 1, 1.5, 2, 3 };
	private static final int REFINEMENTS = 12;
	private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

	private final List<float[]> upsampled;
	private final List<double[]> truths;
	private final int width;
	private final int height;

	/**
	 * @param upsampled the classical answer before its blur, one HR frame per sampled frame
	 * @param truths the same frames' truth, PSSR-normalised ({@link PssrNormalisation#truth})
	 */
	BlurOracle(final List<float[]> upsampled, final List<double[]> truths, final int width,
		final int height)
	{
		this.upsampled = upsampled;
		this.truths = truths;
		this.width = width;
		this.height = height;
	}

	/** The sigma in HR pixels. */
	double bestSigma(final int scale) {
		int best = 0;
		final double[] score = new double[GRID.length];
		for (int i = 0; i < GRID.length; i++) {
			score[i] = score(GRID[i] * scale);
			if (score[i] > score[best]) best = i;
		}
		double a = GRID[Math.max(0, best - 1)] * scale;
		double b = GRID[Math.min(GRID.length - 1, best + 1)] * scale;
		double c = b - GOLDEN * (b - a);
		double d = a + GOLDEN * (b - a);
		double fc = score(c);
		double fd = score(d);
		for (int i = 0; i < REFINEMENTS; i++) {
			if (fc > fd) {
				b = d;
				d = c;
				fd = fc;
				c = b - GOLDEN * (b - a);
				fc = score(c);
			}
			else {
				a = c;
				c = d;
				fc = fd;
				d = a + GOLDEN * (b - a);
				fd = score(d);
			}
		}
		final double refined = fc > fd ? c : d;
		return Math.max(fc, fd) > score[best] ? refined : GRID[best] * scale;
	}

	/** Mean PSNR over the sampled frames of the upsampled frames blurred with {@code sigma}. */
	private double score(final double sigma) {
		double sum = 0;
		for (int i = 0; i < upsampled.size(); i++)
			sum += ImageQuality.psnr(truths.get(i), PssrNormalisation.fitted(GaussianBlur.apply(upsampled
				.get(i), width, height, sigma), truths.get(i)));
		return sum / upsampled.size();
	}
}
