package org.pssr.crappify;

import java.util.List;

/**
 * A {@link RecipeFactory} whose key, description and parameters are given once, to the constructor;
 * a recipe's factory adds only {@link #create}.
 */
public abstract class AbstractRecipeFactory extends AbstractFactory implements RecipeFactory {

	private final List<RecipeParameter> parameters;

	/** @param parameters every parameter but the scale, in the order they are recorded */
	protected AbstractRecipeFactory(final String key, final String description,
		final RecipeParameter... parameters)
	{
		super(key, description);
		this.parameters = List.of(parameters);
	}

	@Override
	public final List<RecipeParameter> parameters() {
		return parameters;
	}
}
