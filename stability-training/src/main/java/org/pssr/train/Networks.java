package org.pssr.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

import com.google.gson.JsonObject;

/**
 * The registry of networks: their factories ({@link NetworkFactory}) as {@link ServiceLoader} finds
 * them on pssr's class loader and on the thread's context class loader (Fiji's plugin class loader),
 * by key. What {@code --preset}, Fiji's <i>Model size</i> and {@link UNetConfig#preset} take.
 */
public final class Networks {

	private Networks() {}

	/** Every network's factory, by key. */
	public static List<NetworkFactory> factories() {
		final Map<String, NetworkFactory> byKey = new TreeMap<>();
		final List<ClassLoader> loaders = new ArrayList<>();
		loaders.add(Networks.class.getClassLoader());
		final ClassLoader context = Thread.currentThread().getContextClassLoader();
		if (context != null && context != loaders.get(0)) loaders.add(context);
		for (final ClassLoader loader : loaders)
			for (final NetworkFactory f : ServiceLoader.load(NetworkFactory.class, loader)) {
				final NetworkFactory other = byKey.putIfAbsent(f.key(), f);
				if (other != null && !other.getClass().getName().equals(f.getClass().getName()))
					throw new IllegalStateException("two networks are called '" + f.key() + "': " + other
						.getClass().getName() + " and " + f.getClass().getName());
			}
		return List.copyOf(byKey.values());
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
