package org.pssr.crappify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Makes one kind of recipe, after TrackMate's detector factories: a key the recipe is chosen and
 * recorded by, the parameters it takes ({@link RecipeParameter}: name, default, range, unit,
 * description) and {@link #create}. Factories are found with {@link java.util.ServiceLoader}: a jar
 * (or a folder) on the class path that lists its factory in
 * {@code META-INF/services/org.pssr.crappify.RecipeFactory} adds a recipe to the CLI, to Fiji's
 * dialogs, to datasets and to model bundles without a change to pssr ({@link Degradations} is the
 * registry; docs/extending.md shows how).
 */
public interface RecipeFactory {

	/** What the recipe is chosen by ({@code --recipe KEY}) and recorded as: one lowercase word. */
	String key();

	/** What the recipe does, in a sentence or two, for the help, the dialog and the guide. */
	String description();

	/** Every parameter but the scale, in the order they are recorded. */
	List<RecipeParameter> parameters();

	/**
	 * @param scale 2, 4 or 8
	 * @param parameters a value for every parameter ({@link Degradations} fills in the defaults and
	 *          refuses names the recipe does not have)
	 * @throws IllegalArgumentException for values out of range
	 */
	Degradation create(int scale, Map<String, Double> parameters);

	/** Whether the recipe can be chosen by its key alone: every parameter has a default. */
	default boolean selectable() {
		return parameters().stream().allMatch(p -> p.defaultValue() != null);
	}

	/** The record of a recipe this factory made: {@code {"name": KEY, "parameters": {"scale": 4, ...}}}. */
	default JsonObject toJson(final Degradation recipe) {
		final JsonObject o = new JsonObject();
		o.addProperty("name", key());
		final JsonObject p = new JsonObject();
		recipe.parameters().forEach(p::addProperty);
		o.add("parameters", p);
		return o;
	}

	/**
	 * The recipe a {@link #toJson} record describes; parameters it leaves out take their defaults.
	 *
	 * @throws IllegalArgumentException for a missing scale, an unknown parameter or a value out of range
	 */
	default Degradation fromJson(final JsonObject parameters) {
		final Map<String, Double> p = new LinkedHashMap<>();
		for (final Map.Entry<String, JsonElement> e : parameters.entrySet())
			p.put(e.getKey(), e.getValue().getAsDouble());
		final Double scale = p.remove("scale");
		if (scale == null) throw new IllegalArgumentException("the " + key() +
			" recipe's record has no scale: " + parameters);
		return Degradations.create(this, scale.intValue(), p);
	}
}
