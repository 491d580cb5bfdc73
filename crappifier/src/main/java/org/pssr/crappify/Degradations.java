package org.pssr.crappify;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Creates recipes by name, as the CLI, the Fiji command and the dataset manifest name them, and
 * records them: {@code {name, parameters}} in datasets, model bundles and exported packages.
 */
public final class Degradations {

	/** The recipes with defaults; {@code calibrated} takes its parameters from a recipe file. */
	public static final List<String> NAMES = List.of(PssrDegradation.NAME, PoissonDegradation.NAME,
		GaussianDegradation.NAME);

	/** How format-1 bundles and exports recorded the recipe: {@code recipe=NAME {k=v, k=v} ...}. */
	private static final Pattern LEGACY = Pattern.compile("recipe=(\\S+) \\{([^}]*)\\}");

	private Degradations() {}

	/**
	 * @param name a recipe's name, or a recipe file ({@code .json}, as {@code pssr calibrate}
	 *          writes it)
	 * @param parameters overrides of the recipe's defaults by parameter name (without
	 *          {@code scale}); unknown names are an error so a typo never goes unnoticed
	 */
	public static Degradation create(final String name, final int scale,
		final Map<String, Double> parameters)
	{
		if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
			final RecipeFile file = RecipeFile.read(java.nio.file.Paths.get(name));
			final Map<String, Double> merged = new LinkedHashMap<>(file.parameters);
			merged.putAll(parameters);
			return create(file.name, scale, merged);
		}
		final Degradation recipe;
		if (CalibratedDegradation.NAME.equals(name)) recipe = CalibratedDegradation.of(scale,
			parameters);
		else if (PssrDegradation.NAME.equals(name)) recipe = PssrDegradation.of(scale, parameters);
		else if (PoissonDegradation.NAME.equals(name)) recipe = PoissonDegradation.of(scale,
			parameters);
		else if (GaussianDegradation.NAME.equals(name)) recipe = GaussianDegradation.of(scale,
			parameters);
		else throw new IllegalArgumentException("unknown recipe '" + name + "'; known: " + NAMES +
			", or a recipe file (.json) that pssr calibrate made");
		final Set<String> unknown = new HashSet<>(parameters.keySet());
		unknown.removeAll(recipe.parameters().keySet());
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("recipe " + name + " has no parameter " + unknown +
				"; it has " + recipe.parameters().keySet());
		}
		return recipe;
	}

	/** {@code {"name": "pssr", "parameters": {"scale": 4, ...}}}. */
	public static JsonObject toJson(final Degradation recipe) {
		final JsonObject o = new JsonObject();
		o.addProperty("name", recipe.name());
		final JsonObject p = new JsonObject();
		recipe.parameters().forEach(p::addProperty);
		o.add("parameters", p);
		return o;
	}

	/** @throws IllegalArgumentException for an unknown recipe or parameter, or a missing scale */
	public static Degradation fromJson(final JsonObject o) {
		if (o == null || !o.has("name") || !o.has("parameters")) throw new IllegalArgumentException(
			"a recipe is {name, parameters}, not " + o);
		final Map<String, Double> p = new LinkedHashMap<>();
		for (final Map.Entry<String, JsonElement> e : o.getAsJsonObject("parameters").entrySet())
			p.put(e.getKey(), e.getValue().getAsDouble());
		final Double scale = p.remove("scale");
		if (scale == null) throw new IllegalArgumentException("the recipe " + o + " records no scale");
		return create(o.get("name").getAsString(), scale.intValue(), p);
	}

	/**
	 * A recipe as a recorded value: the {@link #toJson} object, or the one line of text model
	 * bundles and exports of format 1 wrote; empty when the value names none.
	 *
	 * @param scale the model's, for format-1 lines, which may lack it
	 * @throws IllegalArgumentException for an unknown recipe or one recorded for another scale
	 */
	public static Optional<Degradation> recorded(final JsonElement value, final int scale) {
		if (value == null || value.isJsonNull()) return Optional.empty();
		final Degradation recipe;
		if (value.isJsonObject()) recipe = fromJson(value.getAsJsonObject());
		else {
			final Matcher m = LEGACY.matcher(value.getAsString());
			if (!m.find()) return Optional.empty();
			final Map<String, Double> p = new LinkedHashMap<>();
			for (final String pair : m.group(2).split(",")) {
				final String[] kv = pair.trim().split("=");
				if (kv.length == 2) p.put(kv[0], Double.parseDouble(kv[1]));
			}
			final Double recordedScale = p.remove("scale");
			recipe = create(m.group(1), recordedScale == null ? scale : recordedScale.intValue(), p);
		}
		if (recipe.scale() != scale) throw new IllegalArgumentException("the model is x" + scale +
			" but its recipe was recorded for x" + recipe.scale());
		return Optional.of(recipe);
	}

	static void checkScale(final int scale) {
		if (Arrays.binarySearch(new int[] { 2, 4, 8 }, scale) < 0) {
			throw new IllegalArgumentException("scale must be 2, 4 or 8, not " + scale);
		}
	}
}
