package org.pssr.train.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.rng.simple.RandomSource;
import org.pssr.crappify.Degradation;
import org.pssr.crappify.Degradations;

/** A crappifier recipe as an evaluation degradation: LR frames made the way training made them. */
public final class RecipeDegrader implements FrameDegrader {

	/** How training records its data source: {@code recipe=NAME {k=v, k=v} frames=...}. */
	private static final Pattern DESCRIPTION = Pattern.compile("recipe=(\\S+) \\{([^}]*)\\}");

	private final Degradation recipe;

	public RecipeDegrader(final Degradation recipe) {
		this.recipe = recipe;
	}

	/**
	 * The recipe named in a model bundle's record of its training data, or empty when the record
	 * names none.
	 *
	 * @throws IllegalArgumentException when it names a recipe this build does not know, or one for
	 *           another scale than the model's
	 */
	public static Optional<RecipeDegrader> fromDescription(final String description,
		final int scale)
	{
		final Matcher m = DESCRIPTION.matcher(description);
		if (!m.find()) return Optional.empty();
		final Map<String, Double> parameters = new LinkedHashMap<>();
		for (final String pair : m.group(2).split(",")) {
			final String[] kv = pair.trim().split("=");
			if (kv.length == 2) parameters.put(kv[0], Double.parseDouble(kv[1]));
		}
		final Double recorded = parameters.remove("scale");
		if (recorded != null && recorded.intValue() != scale) throw new IllegalArgumentException(
			"the model is x" + scale + " but its recipe was recorded for x" + recorded.intValue());
		return Optional.of(new RecipeDegrader(Degradations.create(m.group(1), scale, parameters)));
	}

	@Override
	public float[] degrade(final float[] hr, final int width, final int height, final int scale,
		final long seed)
	{
		return recipe.apply(hr, width * scale, height * scale, RandomSource.XO_RO_SHI_RO_128_PP.create(
			new long[] { seed, ~seed }));
	}

	@Override
	public String toString() {
		return "recipe " + recipe.name() + " " + recipe.parameters();
	}
}
