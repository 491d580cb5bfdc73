package org.pssr.crappify;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The registry of recipes: their factories ({@link RecipeFactory}) as {@link ServiceLoader} finds
 * them, on pssr's class loader and on the thread's context class loader (Fiji's plugin class loader,
 * where another jar may add one). It creates recipes by key, as the CLI, the Fiji commands and the
 * dataset manifest name them, or from a recipe file, and records them: {@code {name, parameters}} in
 * datasets, model bundles and exported packages.
 */
public final class Degradations {

	/** How format-1 bundles and exports recorded the recipe: {@code recipe=NAME {k=v, k=v} ...}. */
	private static final Pattern LEGACY = Pattern.compile("recipe=(\\S+) \\{([^}]*)\\}");

	/**
	 * The downsampling factors every recipe takes: the one list of the CLI's checks and Fiji's
	 * <i>Scale factor</i> choices.
	 */
	public static final List<Integer> SCALES = List.of(2, 4, 8);

	private static final FactoryRegistry<RecipeFactory> REGISTRY = new FactoryRegistry<>(
		RecipeFactory.class, RecipeFactory::key, "recipes");

	private Degradations() {}

	/** Every recipe's factory, by key. */
	public static List<RecipeFactory> factories() {
		return REGISTRY.factories();
	}

	/** The recipes that can be chosen by their key alone (every parameter has a default), by key. */
	public static List<String> names() {
		final List<String> names = new ArrayList<>();
		for (final RecipeFactory f : factories())
			if (f.selectable()) names.add(f.key());
		return names;
	}

	/** @throws IllegalArgumentException naming the recipes there are, when none has {@code key} */
	public static RecipeFactory factory(final String key) {
		for (final RecipeFactory f : factories())
			if (f.key().equals(key)) return f;
		throw new IllegalArgumentException("unknown recipe '" + key + "'; known: " + String.join(", ",
			names()) + ", or a recipe file (.json) that pssr calibrate made");
	}

	/**
	 * @param name a recipe's key, or a recipe file ({@code .json}, as {@code pssr calibrate}
	 *          writes it)
	 * @param parameters overrides of the recipe's defaults by parameter name (without
	 *          {@code scale}); unknown names are an error so a typo never goes unnoticed
	 */
	public static Degradation create(final String name, final int scale,
		final Map<String, Double> parameters)
	{
		if (name.toLowerCase(Locale.ROOT).endsWith(".json")) {
			final RecipeFile file = RecipeFile.read(Paths.get(name));
			final Map<String, Double> merged = new LinkedHashMap<>(file.parameters);
			merged.putAll(parameters);
			return create(file.name, scale, merged);
		}
		return create(factory(name), scale, parameters);
	}

	/**
	 * The recipe of {@code factory} with {@code parameters} over its defaults.
	 *
	 * @throws IllegalArgumentException for a parameter the recipe does not have, one it needs and
	 *           lacks, or a value out of range
	 */
	public static Degradation create(final RecipeFactory factory, final int scale,
		final Map<String, Double> parameters)
	{
		checkScale(scale);
		final Map<String, Double> all = new LinkedHashMap<>();
		final Set<String> unknown = new TreeSet<>(parameters.keySet());
		for (final RecipeParameter p : factory.parameters()) {
			unknown.remove(p.name());
			final Double value = parameters.getOrDefault(p.name(), p.defaultValue());
			if (value == null) throw new IllegalArgumentException("the " + factory.key() +
				" recipe needs " + p.name() + " (pssr calibrate writes it)");
			all.put(p.name(), value);
		}
		if (!unknown.isEmpty()) {
			final List<String> known = new ArrayList<>();
			factory.parameters().forEach(p -> known.add(p.name()));
			throw new IllegalArgumentException("recipe " + factory.key() + " has no parameter " + unknown +
				"; it has " + known);
		}
		return factory.create(scale, all);
	}

	/** {@code {"name": "pssr", "parameters": {"scale": 4, ...}}}. */
	public static JsonObject toJson(final Degradation recipe) {
		return factory(recipe.name()).toJson(recipe);
	}

	/** @throws IllegalArgumentException for an unknown recipe or parameter, or a missing scale */
	public static Degradation fromJson(final JsonObject o) {
		if (o == null || !o.has("name") || !o.has("parameters") || !o.get("parameters").isJsonObject())
			throw new IllegalArgumentException("a recipe is {name, parameters}, not " + o);
		return factory(o.get("name").getAsString()).fromJson(o.getAsJsonObject("parameters"));
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
		if (!SCALES.contains(scale)) {
			throw new IllegalArgumentException("scale must be 2, 4 or 8, not " + scale);
		}
	}
}
