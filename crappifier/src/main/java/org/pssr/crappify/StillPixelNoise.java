package org.pssr.crappify;

import java.util.ArrayList;
import java.util.List;

/**
 * The camera's noise from consecutive frames where the sample holds still: for a pair of frames
 * (t, t+1), the halved difference of a pixel has its noise variance. Whether the sample held still
 * there is judged on frames around the pair, whose noise is independent of the pair's, so the choice
 * does not bias the measurement: t-1 against t+2 and, where the movie has them, t-2 against t+3 (a
 * diffusing particle may be back where it was after three frames, rarely after five too). In the
 * 5 x 5 window around the pixel each difference must look like noise alone (its variance at most
 * {@value #SPREAD} times, its mean within 1.5 standard errors of, what the noise gives), and so must
 * the pair's own difference over the 24 pixels around the pixel, whose noise is not the pixel's. The
 * level of a sample is the pixel's mean over its run's frames: its own level (a mean over neighbours
 * would lend a bright thin structure's noise to a lower level).
 */
final class StillPixelNoise {

	static final double SPREAD = 1.25;
	private static final int MAX_SAMPLES = 1 << 22;

	private final float clipLow;
	private final float clipHigh;

	StillPixelNoise(final float clipLow, final float clipHigh) {
		this.clipLow = clipLow;
		this.clipHigh = clipHigh;
	}

	/** Pixels that held still in the last {@link #measure}, as a fraction of those judged. */
	double stillFraction;

	/**
	 * @param runs runs of consecutive frames around a pair: (t-1, t, t+1, t+2), or (t-2, ..., t+3)
	 * @param guide the noise as single frames measured it, for judging stillness
	 * @return null with too few still pixels
	 */
	VarianceLine measure(final List<float[][]> runs, final int width, final int height,
		final VarianceLine guide)
	{
		final int pixels = width * height;
		final int stride = (int) Math.max(1, (long) pixels * runs.size() / MAX_SAMPLES);
		final NoiseSamples samples = new NoiseSamples(MAX_SAMPLES, 1.0 / runs.get(0).length);
		long judged = 0;
		for (final float[][] run : runs) {
			final int first = run.length / 2 - 1;
			final float[] before = run[first];
			final float[] after = run[first + 1];
			// the pixel's level over the run's frames, the pair's too: given the photons of all of them,
			// how they split between the pair has the variance of their mean
			final float[] level = new float[pixels];
			for (final float[] frame : run)
				for (int i = 0; i < pixels; i++)
					level[i] += frame[i] / run.length;
			final List<WindowStatistics> checks = new ArrayList<>();
			for (int k = 0; k < first; k++) {
				final float[] difference = new float[pixels];
				for (int i = 0; i < pixels; i++)
					difference[i] = run[run.length - 1 - k][i] - run[k][i];
				checks.add(new WindowStatistics(difference, width, height));
			}
			final float[] step = new float[pixels];
			for (int i = 0; i < pixels; i++)
				step[i] = after[i] - before[i];
			final WindowStatistics around = new WindowStatistics(step, width, height);
			pixel: for (int i = 0; i < pixels; i += stride) {
				for (final float[] frame : run)
					if (isClipped(frame[i])) continue pixel;
				judged++;
				final double noise = 2 * Math.max(guide.at(level[i]), 1e-12);
				for (final WindowStatistics check : checks)
					if (!looksLikeNoise(check.mean[i], check.variance[i], noise)) continue pixel;
				// the pair's own step, over the ring of 24 pixels around this one
				final double ringMean = (25 * around.mean[i] - step[i]) / 24;
				final double ringSquares = 25 * (around.variance[i] + around.mean[i] * around.mean[i]) -
					step[i] * step[i];
				if (!looksLikeNoise(ringMean, ringSquares / 24 - ringMean * ringMean, noise)) continue;
				samples.add(level[i], (float) ((after[i] - before[i]) / Math.sqrt(2)));
			}
		}
		stillFraction = judged == 0 ? 0 : (double) samples.size() / judged;
		return samples.line();
	}

	/**
	 * Whether a difference of frames over a window of 25 (or 24) pixels, with this mean and variance,
	 * is what noise of variance {@code noise} alone gives.
	 */
	private static boolean looksLikeNoise(final double mean, final double variance,
		final double noise)
	{
		return variance <= SPREAD * noise && Math.abs(mean) <= 1.5 * Math.sqrt(noise / 25);
	}

	private boolean isClipped(final float v) {
		return v <= clipLow || v >= clipHigh;
	}

	/** The mean and variance of a difference of frames over the 5 x 5 window around each pixel. */
	private static final class WindowStatistics {

		final float[] mean;
		final float[] variance;

		WindowStatistics(final float[] difference, final int width, final int height) {
			mean = BoxFilter.mean(difference, width, height, 2);
			variance = BoxFilter.variance(difference, width, height, 2);
		}
	}
}
