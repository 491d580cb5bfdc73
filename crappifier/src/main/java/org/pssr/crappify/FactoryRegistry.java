package org.pssr.crappify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.function.Function;

/**
 * The factories of one kind that {@link ServiceLoader} finds on pssr's class loader and on the
 * thread's context class loader (Fiji's plugin class loader, where another jar may add one), by
 * key: what the recipe and network registries share.
 *
 * @param <F> the factories' interface, as listed in {@code META-INF/services}
 */
public final class FactoryRegistry<F> {

	private final Class<F> type;
	private final Function<F, String> key;
	private final String kind;
	/** What each class loader offers, found once: ServiceLoader instantiates every factory. */
	private final Map<ClassLoader, List<F>> found = new WeakHashMap<>();

	/** @param kind what the factories make, plural, for the error of two with one key */
	public FactoryRegistry(final Class<F> type, final Function<F, String> key, final String kind) {
		this.type = type;
		this.key = key;
		this.kind = kind;
	}

	/**
	 * Every factory, by key.
	 *
	 * @throws IllegalStateException when two classes have the same key
	 */
	public List<F> factories() {
		final Map<String, F> byKey = new TreeMap<>();
		for (final ClassLoader loader : loaders())
			for (final F f : found(loader)) {
				final F other = byKey.putIfAbsent(key.apply(f), f);
				if (other != null && !other.getClass().getName().equals(f.getClass().getName()))
					throw new IllegalStateException("two " + kind + " are called '" + key.apply(f) + "': " +
						other.getClass().getName() + " and " + f.getClass().getName());
			}
		return List.copyOf(byKey.values());
	}

	private List<ClassLoader> loaders() {
		final List<ClassLoader> loaders = new ArrayList<>();
		loaders.add(type.getClassLoader());
		final ClassLoader context = Thread.currentThread().getContextClassLoader();
		if (context != null && context != loaders.get(0)) loaders.add(context);
		return loaders;
	}

	private List<F> found(final ClassLoader loader) {
		synchronized (found) {
			return found.computeIfAbsent(loader, l -> {
				final List<F> list = new ArrayList<>();
				ServiceLoader.load(type, l).forEach(list::add);
				return List.copyOf(list);
			});
		}
	}
}
