package org.pssr.crappify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every recipe records: its name, its scale and its parameters, in a stable order. */
abstract class AbstractDegradation implements Degradation {

	private final String name;
	private final int scale;
	private final Map<String, Double> parameters;

	/** @param parameters the recipe's own parameters, in order; scale goes first */
	AbstractDegradation(final String name, final int scale, final Map<String, Double> parameters) {
		Degradations.checkScale(scale);
		this.name = name;
		this.scale = scale;
		final Map<String, Double> all = new LinkedHashMap<>();
		all.put("scale", (double) scale);
		all.putAll(parameters);
		this.parameters = Collections.unmodifiableMap(all);
	}

	@Override
	public final String name() {
		return name;
	}

	@Override
	public final int scale() {
		return scale;
	}

	@Override
	public final Map<String, Double> parameters() {
		return parameters;
	}

	@Override
	public String toString() {
		return name + " " + parameters;
	}
}
