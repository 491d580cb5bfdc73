package org.pssr.train.tensorflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Collections;
import java.util.Enumeration;

/**
 * Child-first class loader for a library that must not meet its namesakes on the class path: DJL
 * 0.28's TensorFlow engine and TF Java here, beside DJL 0.29 (PyTorch) and the TensorFlow 1.15 jars
 * Fiji's CSBDeep, StarDist and N2V install, with the same class names. The JDK and pssr's own
 * classes come from the parent, so the two sides talk through pssr's interfaces; the one pssr
 * package that uses the library directly is defined here from the parent's bytes.
 */
final class IsolatingClassLoader extends URLClassLoader {

	static {
		registerAsParallelCapable();
	}

	private final String isolatedPackage;

	/**
	 * @param jars the library's jars, searched before the parent
	 * @param isolatedPackage pssr package (with trailing dot) whose classes are defined in this
	 *          loader rather than the parent
	 */
	IsolatingClassLoader(final URL[] jars, final ClassLoader parent, final String isolatedPackage) {
		super(jars, parent);
		this.isolatedPackage = isolatedPackage;
	}

	@Override
	protected Class<?> loadClass(final String name, final boolean resolve)
		throws ClassNotFoundException
	{
		synchronized (getClassLoadingLock(name)) {
			Class<?> c = findLoadedClass(name);
			if (c == null) {
				if (name.startsWith(isolatedPackage)) c = defineFromParent(name);
				else if (sharedWithParent(name)) c = getParent().loadClass(name);
				else {
					try {
						c = findClass(name);
					}
					catch (final ClassNotFoundException e) {
						c = getParent().loadClass(name);
					}
				}
			}
			if (resolve) resolveClass(c);
			return c;
		}
	}

	private static boolean sharedWithParent(final String name) {
		return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name
			.startsWith("sun.") || name.startsWith("com.sun.") || name.startsWith("org.w3c.") || name
				.startsWith("org.xml.") || name.startsWith("org.pssr.");
	}

	private Class<?> defineFromParent(final String name) throws ClassNotFoundException {
		final String resource = name.replace('.', '/') + ".class";
		try (InputStream in = getParent().getResourceAsStream(resource)) {
			if (in == null) throw new ClassNotFoundException(name);
			final byte[] bytes = in.readAllBytes();
			return defineClass(name, bytes, 0, bytes.length);
		}
		catch (final IOException e) {
			throw new UncheckedIOException("cannot read " + resource, e);
		}
	}

	/** The library's resource when it has one (service files, native markers), else the parent's. */
	@Override
	public URL getResource(final String name) {
		final URL own = findResource(name);
		return own != null ? own : getParent().getResource(name);
	}

	/**
	 * The library's resources only, when it has any: a service file of the parent's DJL would name
	 * providers built against the parent's DJL classes.
	 */
	@Override
	public Enumeration<URL> getResources(final String name) throws IOException {
		final Enumeration<URL> own = findResources(name);
		if (own.hasMoreElements()) return own;
		final Enumeration<URL> parent = getParent().getResources(name);
		return parent != null ? parent : Collections.emptyEnumeration();
	}
}
