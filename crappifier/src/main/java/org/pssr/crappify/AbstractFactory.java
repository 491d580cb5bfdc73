package org.pssr.crappify;

/**
 * What every factory of pssr's registries ({@link RecipeFactory}, the networks' factories) says of
 * itself, as TrackMate's factories do: the key it is chosen and recorded by, and what it makes, in a
 * sentence for the help, the dialog and the guide. Given once, to the constructor.
 */
public abstract class AbstractFactory {

	private final String key;
	private final String description;

	/** @param key one lowercase word */
	protected AbstractFactory(final String key, final String description) {
		this.key = key;
		this.description = description;
	}

	public final String key() {
		return key;
	}

	public final String description() {
		return description;
	}
}
