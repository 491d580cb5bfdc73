package org.pssr.train;

import java.util.Locale;

import com.google.gson.JsonObject;

/**
 * How intensities are mapped to the network's units: the movie's {@code low} and {@code high}
 * percentiles go to 0 and 1 (PSSR uses 0.1 and 99.9 %), values outside are kept, not clipped.
 * Inference applies the same map to the input and its inverse to the output.
 */
public final class Normalisation {

	/** PSSR's choice. */
	public static final Normalisation DEFAULT = new Normalisation(0.1, 99.9);

	private final double low;
	private final double high;

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

	/** {@code {method: percentile, low, high}}, as bundles and exported models record it. */
	public JsonObject toJson() {
		final JsonObject o = new JsonObject();
		o.addProperty("method", "percentile");
		o.addProperty("low", low);
		o.addProperty("high", high);
		return o;
	}

	/** @throws IllegalArgumentException for another method or percentiles out of order */
	public static Normalisation fromJson(final JsonObject o) {
		if (!"percentile".equals(o.get("method").getAsString())) throw new IllegalArgumentException(
			"unknown normalisation '" + o.get("method").getAsString() + "'");
		return new Normalisation(o.get("low").getAsDouble(), o.get("high").getAsDouble());
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "percentiles %s-%s %% -> [0, 1]", low, high);
	}
}
