package org.pssr.train.exchange;

import java.util.Locale;

/**
 * The units a bioimage.io package's output comes in, which decides its post-processing. pssr
 * normalises a window by percentiles of the input ({@code scale_range}); mapping the output back
 * needs those percentiles, and no post-processing step of JDLL 0.6.3 (deepImageJ's engine) can
 * refer to the input tensor, so a package either leaves the output in the network's units or uses
 * a step JDLL lacks.
 */
public enum OutputUnits {

	/**
	 * The network's units: the input's low percentile is 0 and its high percentile 1. No
	 * post-processing; JDLL 0.6.3 and deepImageJ run such packages.
	 */
	NORMALISED,
	/**
	 * About the input's units: {@code scale_mean_variance} against the input, the closest spec step
	 * to pssr's inverse map. bioimageio.core runs it; JDLL 0.6.3 refuses the step.
	 */
	INPUT;

	/** @throws IllegalArgumentException naming the choices */
	public static OutputUnits parse(final String name) {
		final String key = name.trim().toLowerCase(Locale.ROOT);
		for (final OutputUnits value : values())
			if (value.toString().equals(key)) return value;
		throw new IllegalArgumentException("unknown output units '" + name +
			"': use normalised (runs in deepImageJ) or input");
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
