package org.pssr.crappify;

import java.util.Locale;

/**
 * The affine map of one movie's intensities to the network's units: {@code (v - low) / (high - low
 * + eps)}, so {@code low} goes to 0 and {@code high} (nearly) to 1; nothing is clipped, and
 * {@link #invert} maps back. A flat movie ({@code high == low} and no eps) maps every value to 0,
 * and 0 back to {@code low}, rather than to infinities. {@code eps} is bioimage.io's guard of
 * {@code scale_range} (0 for pssr's own models).
 */
public final class IntensityMap {

	/** Values are already in the network's units (evaluation's degraded truth, for one). */
	public static final IntensityMap IDENTITY = new IntensityMap(0, 1, 0);

	private final double low;
	private final double high;
	private final double eps;
	private final double scale;

	public IntensityMap(final double low, final double high, final double eps) {
		if (!Double.isFinite(low) || !Double.isFinite(high) || !(high >= low) || !(eps >= 0))
			throw new IllegalArgumentException("an intensity map needs finite low <= high and eps >= 0, not " +
				low + ", " + high + ", " + eps);
		this.low = low;
		this.high = high;
		this.eps = eps;
		final double span = high - low + eps;
		this.scale = span > 0 ? 1 / span : 0;
	}

	public double low() {
		return low;
	}

	public double high() {
		return high;
	}

	public double eps() {
		return eps;
	}

	/** Whether the movie had no contrast between its percentiles. */
	public boolean flat() {
		return !(high > low);
	}

	/** The same map with bioimage.io's {@code eps} in the denominator. */
	public IntensityMap withEps(final double value) {
		return new IntensityMap(low, high, value);
	}

	public float apply(final float value) {
		return (float) ((value - low) * scale);
	}

	/** In place. */
	public void apply(final float[] values) {
		for (int i = 0; i < values.length; i++)
			values[i] = apply(values[i]);
	}

	/** The inverse of {@link #apply}: network units back to the movie's. */
	public float invert(final float value) {
		return (float) (value * (high - low + eps) + low);
	}

	/** In place. */
	public void invert(final float[] values) {
		for (int i = 0; i < values.length; i++)
			values[i] = invert(values[i]);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "[%g, %g] -> [0, 1]", low, high);
	}
}
