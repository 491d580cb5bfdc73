package org.pssr.crappify;

import java.util.Locale;

/**
 * One parameter of a recipe, as its {@link RecipeFactory} declares it: the name it is recorded and
 * given under ({@code --param NAME=VALUE}), its default (none: the recipe needs it, as a recipe file
 * gives it), the range of values it takes, its unit and what it does. The help, Fiji's dialog and the
 * crappifier guide show it; {@link #require} is the recipe's own check of a value.
 */
public final class RecipeParameter {

	private final String name;
	private final Double defaultValue;
	private final double min;
	private final boolean minIncluded;
	private final double max;
	private final String unit;
	private final String description;

	private RecipeParameter(final String name, final Double defaultValue, final double min,
		final boolean minIncluded, final double max, final String unit, final String description)
	{
		this.name = name;
		this.defaultValue = defaultValue;
		this.min = min;
		this.minIncluded = minIncluded;
		this.max = max;
		this.unit = unit;
		this.description = description;
	}

	/** A parameter that takes any finite value; narrow it with {@link #from}, {@link #atLeast} or {@link #above}. */
	public static RecipeParameter of(final String name, final double defaultValue, final String unit,
		final String description)
	{
		return new RecipeParameter(name, defaultValue, Double.NEGATIVE_INFINITY, false,
			Double.POSITIVE_INFINITY, unit, description);
	}

	/** A parameter without a default, which the recipe cannot do without (a recipe file gives it). */
	public static RecipeParameter required(final String name, final String unit,
		final String description)
	{
		return new RecipeParameter(name, null, Double.NEGATIVE_INFINITY, false,
			Double.POSITIVE_INFINITY, unit, description);
	}

	/** The same parameter taking values from {@code min} (included) to {@code max} (included). */
	public RecipeParameter from(final double min, final double max) {
		return new RecipeParameter(name, defaultValue, min, true, max, unit, description);
	}

	/** The same parameter taking {@code min} and above. */
	public RecipeParameter atLeast(final double min) {
		return new RecipeParameter(name, defaultValue, min, true, Double.POSITIVE_INFINITY, unit,
			description);
	}

	/** The same parameter taking values above {@code min} (excluded). */
	public RecipeParameter above(final double min) {
		return new RecipeParameter(name, defaultValue, min, false, Double.POSITIVE_INFINITY, unit,
			description);
	}

	public String name() {
		return name;
	}

	/** Null when the recipe needs the parameter given. */
	public Double defaultValue() {
		return defaultValue;
	}

	public String unit() {
		return unit;
	}

	public String description() {
		return description;
	}

	/** The values taken, as people write them: {@code > 0}, {@code 0 to 1}, {@code >= 0}, {@code any}. */
	public String range() {
		final boolean lower = min != Double.NEGATIVE_INFINITY;
		final boolean upper = max != Double.POSITIVE_INFINITY;
		if (lower && upper) return number(min) + " to " + number(max);
		if (lower) return (minIncluded ? ">= " : "> ") + number(min);
		return "any";
	}

	/** Default, range and unit, as the help and the guide show them: {@code default 50; > 0 photons}. */
	public String summary() {
		return (defaultValue == null ? "required" : "default " + number(defaultValue)) + "; " + range() +
			" " + unit;
	}

	/**
	 * @return {@code value}, when it is finite and in range
	 * @throws IllegalArgumentException naming the parameter, its range and the value
	 */
	public double require(final double value) {
		final boolean aboveMin = minIncluded ? value >= min : value > min;
		if (!Double.isFinite(value) || !aboveMin || !(value <= max)) throw new IllegalArgumentException(
			name + " must be " + ("any".equals(range()) ? "a number" : range()) + ", not " + value);
		return value;
	}

	/** A value as the help and the guide write it: 50, not 50.0. */
	static String number(final double value) {
		return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
			: String.valueOf(value).toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return name + (defaultValue == null ? " (required)" : " (default " + number(defaultValue) + ")");
	}
}
