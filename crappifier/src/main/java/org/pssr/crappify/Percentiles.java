package org.pssr.crappify;

import java.util.Arrays;

/** Percentiles with NumPy's default ("linear") interpolation, so numbers match the PSSR scripts. */
final class Percentiles {

	private Percentiles() {}

	/**
	 * @param values sorted in place
	 * @param percents in [0, 100]
	 */
	static double[] of(final float[] values, final double... percents) {
		if (values.length == 0) throw new IllegalArgumentException("no values to take percentiles of");
		Arrays.sort(values);
		final double[] result = new double[percents.length];
		for (int i = 0; i < percents.length; i++) {
			final double position = percents[i] / 100 * (values.length - 1);
			final int below = (int) Math.floor(position);
			final int above = Math.min(below + 1, values.length - 1);
			final double fraction = position - below;
			result[i] = values[below] + fraction * ((double) values[above] - values[below]);
		}
		return result;
	}
}
