package org.pssr.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

import com.google.gson.JsonObject;

import org.pssr.crappify.FactoryRegistry;

/**
 * The registry of networks: their factories ({@link NetworkFactory}) as {@link ServiceLoader} finds
 * them on pssr's class loader and on the thread's context class loader (Fiji's plugin class loader),
 * by key. What {@code --preset}, Fiji's <i>Model size</i> and {@link UNetConfig#preset} take.
 */
public final class Networks {

	private static final FactoryRegistry<NetworkFactory> REGISTRY = new FactoryRegistry<>(
		NetworkFactory.class, NetworkFactory::key, "networks");

	private Networks() {}

	/** Every network's factory, by key. */
	public static List<NetworkFactory> factories() {
		return REGISTRY.factories();
	}

	/** The networks' keys, in order. */
	public static List<String> names() {
		final List<String> names = new ArrayList<>();
		factories().forEach(f -> names.add(f.key()));
		return names;
	}

	/**
	 * The shape a bundle or a checkpoint recorded, read by the factory of its preset.
	 *
	 * @throws IllegalArgumentException when no factory has that preset or it cannot read the shape
	 */
	public static Architecture fromJson(final JsonObject recorded) {
		return factory(recorded.get("preset").getAsString()).fromJson(recorded);
	}

	/** @throws IllegalArgumentException naming the networks there are, when none has {@code key} */
	public static NetworkFactory factory(final String key) {
		final String k = key.toLowerCase(Locale.ROOT);
		for (final NetworkFactory f : factories())
			if (f.key().equals(k)) return f;
		throw new IllegalArgumentException("unknown preset '" + key + "': use " + String.join(", ",
			names()));
	}
}
