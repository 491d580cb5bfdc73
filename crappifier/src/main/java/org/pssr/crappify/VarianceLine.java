package org.pssr.crappify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The line of noise variance against intensity, {@code variance = slope * mean + intercept}, that a
 * camera's shot and read noise follow: fitted to samples of noise (values whose variance is the
 * noise variance at their level, such as finest-scale wavelet details or halved frame differences)
 * binned by the level they were taken at, a mean over the sample's own pixels. Shot noise does not
 * bias that binning (given the photons of a group of pixels, how they split among them has the
 * variance of their mean), but the read noise in the level does: the bins' levels lie further apart
 * than their true levels, which flattens the line by the reliability ratio {@code var(true levels) /
 * var(measured levels)} where read noise is large against the spread of levels (a low gain, a dark
 * movie). The slope is divided by that ratio, estimated from the measured levels' spread and the read
 * noise the line gives at the darkest level; the line turns about the mean level. Each bin's variance
 * is robust (values beyond 5 robust
 * standard deviations, edges and motion rather than noise, are left out); the line is fitted by
 * least squares with weights of the inverse square of its variance (the error of a variance
 * estimate grows with it), leaving out bins more than 6 standard errors off the line: a bin that
 * straddles a gap in the movie's intensities mixes two noise levels that the robust spread does
 * not average.
 */
final class VarianceLine {

	/** One level set: the mean level of its samples, their noise variance and how many there were. */
	static final class Bin {

		final double mean;
		final double variance;
		final int count;
		boolean used;

		Bin(final double mean, final double variance, final int count) {
			this.mean = mean;
			this.variance = variance;
			this.count = count;
			used = Double.isFinite(variance) && count >= 2;
		}
	}

	static final int BINS = 48;
	/** Fewest samples in a bin: the variance of 100 samples is good to about 14 %. */
	static final int MIN_COUNT = 100;

	final double slope;
	final double intercept;
	/** Weighted coefficient of determination over the bins used. */
	final double r2;
	/**
	 * How far the bins used scatter about the line, in units of the standard error of their variances
	 * ({@code sqrt(chi^2 / degrees of freedom)}): about 1 for noise that follows the line.
	 */
	final double scatter;
	final List<Bin> bins;
	/** Samples the bins hold. */
	final long samples;

	private VarianceLine(final double slope, final double intercept, final double r2,
		final List<Bin> bins, final long samples)
	{
		this.slope = slope;
		this.intercept = intercept;
		this.r2 = r2;
		double chi2 = 0;
		int used = 0;
		for (final Bin b : bins) {
			if (!b.used) continue;
			final double expected = Math.max(slope * b.mean + intercept, 1e-30);
			chi2 += Math.pow((b.variance - expected) / (expected * Math.sqrt(2.0 / b.count)), 2);
			used++;
		}
		this.scatter = used > 2 ? Math.sqrt(chi2 / (used - 2)) : Double.NaN;
		this.bins = Collections.unmodifiableList(bins);
		this.samples = samples;
	}

	/**
	 * @param levels the measured level of each sample; only the first {@code n} are used
	 * @param noise the samples; {@code noise[i]} has the noise variance of the true level of
	 *          {@code levels[i]}
	 * @param levelReadNoise the variance of the read noise in a measured level as a fraction of the
	 *          read noise's variance in a pixel (a quarter for the mean of four pixels)
	 * @return null with fewer than two bins' worth of samples
	 */
	static VarianceLine fit(final float[] levels, final float[] noise, final int n,
		final double levelReadNoise)
	{
		if (n < 2 * MIN_COUNT) return null;
		final long[] order = new long[n];
		for (int i = 0; i < n; i++)
			order[i] = (long) sortable(levels[i]) << 32 | i;
		Arrays.sort(order);
		final List<Bin> bins = new ArrayList<>(2 * BINS);
		int start = 0;
		for (final int end : ends(order, levels, n)) {
			final double[] values = new double[end - start];
			double level = 0;
			for (int i = start; i < end; i++) {
				final int sample = (int) order[i];
				values[i - start] = noise[sample];
				level += levels[sample];
			}
			bins.add(new Bin(level / values.length, robustVariance(values), values.length));
			start = end;
		}
		final VarianceLine measured = fit(bins, n);
		double mean = 0;
		double squares = 0;
		for (int i = 0; i < n; i++) {
			mean += levels[i];
			squares += (double) levels[i] * levels[i];
		}
		mean /= n;
		final double spread = squares / n - mean * mean;
		VarianceLine line = measured;
		for (int round = 0; round < 3; round++) {
			final double read = Math.max(0, line.at(measured.lowest()));
			final double reliability = Math.max(0.2, Math.min(1, 1 - levelReadNoise * read / spread));
			final double slope = measured.slope / reliability;
			line = new VarianceLine(slope, measured.at(mean) - slope * mean, measured.r2, measured.bins,
				measured.samples);
		}
		return line;
	}

	/** How many of the sorted levels are below {@code level}. */
	private static int rank(final long[] order, final float[] levels, final int n,
		final double level)
	{
		int lo = 0;
		int hi = n;
		while (lo < hi) {
			final int mid = (lo + hi) >>> 1;
			if (levels[(int) order[mid]] < level) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	/**
	 * Where the bins of the sorted samples end: at every {@link #BINS}-quantile of the levels, where
	 * the samples are, and every {@link #BINS}-th of the levels' range between their 0.1 and 99.9
	 * percentiles, so that the few samples of bright levels (a sample is mostly background) still
	 * get bins of their own; a bin with fewer than {@link #MIN_COUNT} samples joins the next.
	 */
	private static int[] ends(final long[] order, final float[] levels, final int n) {
		final double low = levels[(int) order[(int) (0.001 * (n - 1))]];
		final double high = levels[(int) order[(int) (0.999 * (n - 1))]];
		final java.util.TreeSet<Integer> cuts = new java.util.TreeSet<>();
		for (int b = 1; b < BINS; b++) {
			cuts.add((int) ((long) n * b / BINS));
			cuts.add(rank(order, levels, n, low + (high - low) * b / BINS));
		}
		cuts.add(n);
		final List<Integer> ends = new ArrayList<>();
		int start = 0;
		for (final int cut : cuts) {
			if (cut - start < MIN_COUNT && cut != n) continue;
			if (cut - start < MIN_COUNT && !ends.isEmpty()) ends.remove(ends.size() - 1);
			ends.add(cut);
			start = cut;
		}
		return ends.stream().mapToInt(Integer::intValue).toArray();
	}

	private static VarianceLine fit(final List<Bin> bins, final long samples) {
		Fit line = new Fit(bins, null);
		for (int round = 0; round < 3; round++) {
			for (final Bin b : bins) {
				if (!b.used) continue;
				final double expected = Math.max(line.at(b.mean), 1e-30);
				final double error = expected * Math.sqrt(2.0 / b.count);
				if (Math.abs(b.variance - expected) > 6 * error) b.used = false;
			}
			line = new Fit(bins, line);
		}
		return new VarianceLine(line.slope, line.intercept, line.r2, bins, samples);
	}

	/** The variance the line gives at {@code level}. */
	double at(final double level) {
		return slope * level + intercept;
	}

	/** The lowest and highest levels of the bins the line was fitted on. */
	double lowest() {
		return bins.stream().filter(b -> b.used).mapToDouble(b -> b.mean).min().orElse(Double.NaN);
	}

	double highest() {
		return bins.stream().filter(b -> b.used).mapToDouble(b -> b.mean).max().orElse(Double.NaN);
	}

	long binsUsed() {
		return bins.stream().filter(b -> b.used).count();
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "variance %.4g x level %+.4g (R^2 %.3f, scatter %.2f, %d of %d " +
			"bins)", slope, intercept, r2, scatter, binsUsed(), bins.size());
	}

	/** A float's bits as an int that sorts as the float does. */
	private static int sortable(final float f) {
		final int bits = Float.floatToIntBits(f);
		return bits ^ (bits >> 31 & 0x7FFF_FFFF);
	}

	/** Variance of {@code d} without the values beyond 5 robust standard deviations of its median. */
	static double robustVariance(final double[] d) {
		if (d.length < 2) return Double.NaN;
		final double[] sorted = d.clone();
		Arrays.sort(sorted);
		final double median = sorted[sorted.length / 2];
		final double[] dev = new double[sorted.length];
		for (int i = 0; i < dev.length; i++)
			dev[i] = Math.abs(sorted[i] - median);
		Arrays.sort(dev);
		final double limit = 5 * 1.4826 * dev[dev.length / 2];
		double sum = 0;
		double sum2 = 0;
		int n = 0;
		for (final double v : d) {
			if (limit > 0 && Math.abs(v - median) > limit) continue;
			sum += v;
			sum2 += v * v;
			n++;
		}
		if (n < 2) return Double.NaN;
		final double mean = sum / n;
		return (sum2 - n * mean * mean) / (n - 1);
	}

	/** One round of the fit: a weighted least-squares line over the bins used. */
	private static final class Fit {

		final double slope;
		final double intercept;
		final double r2;

		/**
		 * @param previous the last round's line, whose variances weigh the bins; null in the first
		 *          round, which weighs them by their counts alone
		 */
		Fit(final List<Bin> bins, final Fit previous) {
			double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
			for (final Bin b : bins) {
				if (!b.used) continue;
				final double w = weight(b, previous);
				sw += w;
				sx += w * b.mean;
				sy += w * b.variance;
				sxx += w * b.mean * b.mean;
				sxy += w * b.mean * b.variance;
			}
			slope = (sw * sxy - sx * sy) / (sw * sxx - sx * sx);
			intercept = (sy - slope * sx) / sw;
			double ssRes = 0, ssTot = 0;
			final double meanY = sy / sw;
			for (final Bin b : bins) {
				if (!b.used) continue;
				final double w = weight(b, previous);
				ssRes += w * Math.pow(b.variance - at(b.mean), 2);
				ssTot += w * Math.pow(b.variance - meanY, 2);
			}
			r2 = ssTot > 0 ? 1 - ssRes / ssTot : 0;
		}

		double at(final double level) {
			return slope * level + intercept;
		}

		private static double weight(final Bin b, final Fit line) {
			final double v = line == null ? 1 : line.at(b.mean);
			return b.count / Math.max(v * v, 1e-30);
		}
	}
}
