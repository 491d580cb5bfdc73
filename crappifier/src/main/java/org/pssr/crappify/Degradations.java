package org.pssr.crappify;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Creates recipes by name, as the CLI, the Fiji command and the dataset manifest name them. */
public final class Degradations {

	public static final List<String> NAMES = List.of(PssrDegradation.NAME, PoissonDegradation.NAME);

	private Degradations() {}

	/**
	 * @param parameters overrides of the recipe's defaults by parameter name (without
	 *          {@code scale}); unknown names are an error so a typo never goes unnoticed
	 */
	public static Degradation create(final String name, final int scale,
		final Map<String, Double> parameters)
	{
		final Degradation recipe;
		if (PssrDegradation.NAME.equals(name)) recipe = PssrDegradation.of(scale, parameters);
		else if (PoissonDegradation.NAME.equals(name)) recipe = PoissonDegradation.of(scale,
			parameters);
		else throw new IllegalArgumentException("unknown recipe '" + name + "'; known: " + NAMES);
		final Set<String> unknown = new HashSet<>(parameters.keySet());
		unknown.removeAll(recipe.parameters().keySet());
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("recipe " + name + " has no parameter " + unknown +
				"; it has " + recipe.parameters().keySet());
		}
		return recipe;
	}

	static void checkScale(final int scale) {
		if (Arrays.binarySearch(new int[] { 2, 4, 8 }, scale) < 0) {
			throw new IllegalArgumentException("scale must be 2, 4 or 8, not " + scale);
		}
	}
}
