package org.pssr.bench;

import java.util.Arrays;

/** The smallest, the median and the largest of repeated measurements of one figure. */
public final class Spread {

	private final double min;
	private final double median;
	private final double max;

	private Spread(final double min, final double median, final double max) {
		this.min = min;
		this.median = median;
		this.max = max;
	}

	public static Spread of(final double... samples) {
		if (samples.length == 0) throw new IllegalArgumentException("no samples");
		final double[] s = samples.clone();
		Arrays.sort(s);
		final int n = s.length;
		return new Spread(s[0], n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2, s[n - 1]);
	}

	/**
	 * The spread of {@code numerator / x}, seconds per step to samples per second: its ends exactly,
	 * its median as {@code numerator / median} (the same for an odd number of samples).
	 */
	public Spread inverse(final double numerator) {
		return new Spread(numerator / max, numerator / median, numerator / min);
	}

	public double min() {
		return min;
	}

	public double median() {
		return median;
	}

	public double max() {
		return max;
	}
}
