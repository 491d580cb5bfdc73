package org.pssr.crappify;

import java.util.Locale;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

import com.google.gson.JsonObject;

/**
 * How intensities are normalised, everywhere: the {@code low} and {@code high} percentiles of a
 * movie become 0 and 1 ({@link IntensityMap}; PSSR uses 0.1 and 99.9 %). The one estimator
 * behind training targets, inference inputs, exported models and evaluation, so that a movie is in
 * the same units wherever it goes: percentiles as NumPy computes them ({@code linear}), of up to
 * {@value #SAMPLE_FRAMES} frames evenly spread over the movie (first and last included), each
 * strided so that at most {@value #SAMPLE_VALUES} values are kept: a long or large movie costs no
 * more. Recorded in datasets, bundles and exports as {@code {method: percentile, low, high}}.
 */
public final class Normalisation {

	/** PSSR's choice. */
	public static final Normalisation PSSR = new Normalisation(0.1, 99.9);
	public static final int SAMPLE_FRAMES = 16;
	public static final int SAMPLE_VALUES = 1 << 22;

	private final double low;
	private final double high;

	/** @param low percent, in [0, high) */
	public Normalisation(final double low, final double high) {
		if (!(low >= 0 && low < high && high <= 100)) throw new IllegalArgumentException(
			"percentiles must satisfy 0 <= low < high <= 100, not " + low + ", " + high);
		this.low = low;
		this.high = high;
	}

	public double lowPercentile() {
		return low;
	}

	public double highPercentile() {
		return high;
	}

	/**
	 * The map for {@code movie}, from its sampled frames.
	 *
	 * @throws IllegalArgumentException naming the frame when a sampled pixel is NaN or infinite
	 */
	public IntensityMap fit(final Movie movie, final String name) {
		final int n = Math.min(SAMPLE_FRAMES, movie.frames());
		final long pixels = movie.width() * movie.height();
		final int stride = (int) Math.max(1, (pixels * n + SAMPLE_VALUES - 1) / SAMPLE_VALUES);
		final float[] sample = new float[(int) ((pixels + stride - 1) / stride) * n];
		int count = 0;
		for (int i = 0; i < n; i++) {
			final int t = n == 1 ? 0 : (int) Math.round(i * (movie.frames() - 1.0) / (n - 1));
			long p = 0;
			for (final FloatType v : movie.frame(t)) {
				if (p++ % stride != 0) continue;
				final float f = v.get();
				if (!Float.isFinite(f)) throw new IllegalArgumentException(name + ": frame " + (t + 1) +
					" has NaN or infinite values");
				sample[count++] = f;
			}
		}
		return fit(count == sample.length ? sample : java.util.Arrays.copyOf(sample, count));
	}

	/** The map for one frame or tile; {@code values} is reordered. */
	public IntensityMap fit(final float[] values) {
		final double[] p = Percentiles.of(values, low, high);
		return new IntensityMap(p[0], p[1], 0);
	}

	/** The map for one frame (the truth of an evaluation). */
	public IntensityMap fit(final RandomAccessibleInterval<FloatType> frame) {
		final long size = frame.size();
		final float[] values = new float[(int) size];
		int i = 0;
		for (final FloatType v : frame)
			values[i++] = v.get();
		return fit(values);
	}

	/** {@code {method: percentile, low, high}}, as datasets, bundles and exports record it. */
	public JsonObject toJson() {
		final JsonObject o = new JsonObject();
		o.addProperty("method", "percentile");
		o.addProperty("low", low);
		o.addProperty("high", high);
		return o;
	}

	/**
	 * Reads {@link #toJson}, and the {@code {lowPercentile, highPercentile}} of the datasets of
	 * format 1.
	 *
	 * @throws IllegalArgumentException for another method or percentiles out of order
	 */
	public static Normalisation fromJson(final JsonObject o) {
		if (o.has("lowPercentile")) return new Normalisation(o.get("lowPercentile").getAsDouble(), o.get(
			"highPercentile").getAsDouble());
		if (!o.has("method") || !"percentile".equals(o.get("method").getAsString()))
			throw new IllegalArgumentException("unknown normalisation " + o);
		return new Normalisation(o.get("low").getAsDouble(), o.get("high").getAsDouble());
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof Normalisation && ((Normalisation) o).low == low &&
			((Normalisation) o).high == high;
	}

	@Override
	public int hashCode() {
		return Double.hashCode(low) * 31 + Double.hashCode(high);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "percentiles %s-%s %% -> [0, 1]", low, high);
	}
}
