package org.pssr.crappify;

import java.util.Arrays;
import java.util.Locale;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Maps a movie's intensities to normalised units: the {@value #LOW_PERCENTILE} % percentile to 0 and
 * the {@value #HIGH_PERCENTILE} % percentile to 1, without clipping (as PSSR normalises ground
 * truth before PSNR/SSIM). Robust to hot pixels and saturated spots, unlike min/max.
 */
public final class Normalisation {

	public static final double LOW_PERCENTILE = 0.1;
	public static final double HIGH_PERCENTILE = 99.9;
	/** Frames the statistics are taken from, evenly spaced, so long movies cost no more. */
	public static final int SAMPLE_FRAMES = 16;
	private static final int BINS = 1 << 16;

	private final double low;
	private final double high;

	public Normalisation(final double low, final double high) {
		if (!(high > low)) {
			throw new IllegalArgumentException("normalisation needs high > low: " + low + ", " + high);
		}
		this.low = low;
		this.high = high;
	}

	/**
	 * Percentiles over up to {@link #SAMPLE_FRAMES} evenly spaced frames, streamed twice (range,
	 * then a 65536-bin histogram), so memory does not grow with the movie.
	 *
	 * @throws IllegalArgumentException for NaN or infinite values, or a movie without contrast
	 */
	public static Normalisation of(final Movie movie, final String name) {
		final int n = Math.min(SAMPLE_FRAMES, movie.frames());
		final int[] frames = new int[n];
		for (int i = 0; i < n; i++) {
			frames[i] = (int) ((long) i * movie.frames() / n);
		}
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		for (final int t : frames) {
			for (final FloatType v : movie.frame(t)) {
				final float f = v.get();
				if (!Float.isFinite(f)) {
					throw new IllegalArgumentException(name + ": frame " + (t + 1) +
						" has NaN or infinite values");
				}
				min = Math.min(min, f);
				max = Math.max(max, f);
			}
		}
		if (!(max > min)) {
			throw new IllegalArgumentException(name + ": all sampled pixels have the value " + min +
				"; nothing to learn from");
		}
		final long[] histogram = new long[BINS];
		final float[] binMin = new float[BINS];
		Arrays.fill(binMin, Float.POSITIVE_INFINITY);
		long count = 0;
		final double binWidth = (max - min) / BINS;
		for (final int t : frames) {
			final RandomAccessibleInterval<FloatType> frame = movie.frame(t);
			for (final FloatType v : frame) {
				final float f = v.get();
				final int b = Math.min(BINS - 1, (int) ((f - min) / binWidth));
				histogram[b]++;
				binMin[b] = Math.min(binMin[b], f);
				count++;
			}
		}
		final double lo = percentile(histogram, binMin, count, LOW_PERCENTILE);
		final double hi = percentile(histogram, binMin, count, HIGH_PERCENTILE);
		if (!(hi > lo)) {
			throw new IllegalArgumentException(name + ": the " + LOW_PERCENTILE + " and " +
				HIGH_PERCENTILE + " % percentiles are equal (" + lo + "); too little contrast");
		}
		return new Normalisation(lo, hi);
	}

	/**
	 * The smallest value in the bin holding the given rank: a value of the movie, exact whenever a
	 * bin holds a single value (8- and 16-bit movies), else within (max - min) / 65536.
	 */
	private static double percentile(final long[] histogram, final float[] binMin,
		final long count, final double percent)
	{
		final double rank = percent / 100 * (count - 1);
		long seen = 0;
		int b = 0;
		while (b < histogram.length - 1 && seen + histogram[b] <= rank) {
			seen += histogram[b++];
		}
		return binMin[b];
	}

	public double low() {
		return low;
	}

	public double high() {
		return high;
	}

	public float apply(final float value) {
		return (float) ((value - low) / (high - low));
	}

	/** The inverse of {@link #apply}: normalised units back to the movie's. */
	public float invert(final float value) {
		return (float) (value * (high - low) + low);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "[%s, %s] (%s-%s %%) -> [0, 1]", low, high,
			LOW_PERCENTILE, HIGH_PERCENTILE);
	}
}
