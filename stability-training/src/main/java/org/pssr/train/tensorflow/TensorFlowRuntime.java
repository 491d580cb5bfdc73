package org.pssr.train.tensorflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads TensorFlow once per JVM in a class loader of its own ({@link IsolatingClassLoader}) and
 * hands out the {@link TensorFlowEngine} that runs inside it.
 *
 * <p>
 * The runtime jars (DJL 0.28 API and TensorFlow engine, TF Java, JavaCPP, protobuf 3) are looked
 * for in {@code -Dpssr.tensorflow.jars=DIR} (or {@code PSSR_TENSORFLOW_JARS}); in a Fiji
 * installation in {@code lib/pssr-tensorflow/} (the update site puts them there, outside {@code
 * jars/}, which Fiji puts on the class path); in a build, in {@code target/pssr-tensorflow/} beside
 * {@code target/classes}. The natives come from {@link TensorFlowNatives}.
 */
public final class TensorFlowRuntime {

	/** Folder name of the runtime jars, under Fiji's {@code lib/} and in the build's {@code target/}. */
	public static final String FOLDER = "pssr-tensorflow";
	private static final String ISOLATED = TensorFlowRuntime.class.getPackage().getName() +
		".isolated.";
	private static final String IMPLEMENTATION = ISOLATED + "DjlTensorFlow";

	private static TensorFlowEngine engine;

	private TensorFlowRuntime() {}

	/**
	 * The engine, loaded on first use.
	 *
	 * @throws IllegalStateException saying what to install when jars or natives are missing
	 */
	public static synchronized TensorFlowEngine engine() {
		if (engine != null) return engine;
		TensorFlowNatives.libraryFolder();
		final ClassLoader loader = new IsolatingClassLoader(urls(jars(candidates())), TensorFlowRuntime.class
			.getClassLoader(), ISOLATED);
		engine = instantiate(loader);
		return engine;
	}

	private static TensorFlowEngine instantiate(final ClassLoader loader) {
		try {
			return (TensorFlowEngine) Class.forName(IMPLEMENTATION, true, loader).getConstructor()
				.newInstance();
		}
		catch (final InvocationTargetException e) {
			final Throwable cause = e.getCause();
			if (cause instanceof RuntimeException) throw (RuntimeException) cause;
			if (cause instanceof Error) throw (Error) cause;
			throw new IllegalStateException("TensorFlow could not start: " + cause, cause);
		}
		catch (final ReflectiveOperationException e) {
			throw new IllegalStateException("TensorFlow could not start: " + e, e);
		}
	}

	/** The runtime jars, from the first of {@code folders} that has them. */
	static List<Path> jars(final List<Path> folders) {
		final List<Path> looked = new ArrayList<>();
		for (final Path folder : folders) {
			looked.add(folder);
			final List<Path> jars = jarsIn(folder);
			if (jars.stream().anyMatch(j -> j.getFileName().toString().startsWith("tensorflow-engine-")))
				return jars;
		}
		throw new IllegalStateException("the TensorFlow runtime jars (DJL TensorFlow engine, TF Java) " +
			"are not installed; looked in " + looked + ". In Fiji, install the PSSR update site again " +
			"(it puts them in lib/" + FOLDER + "); in a source checkout, run 'mvn compile'; or point " +
			"-Dpssr.tensorflow.jars at a folder holding them.");
	}

	/** Where the runtime jars may be, in the order they are looked for. */
	static List<Path> candidates() {
		final List<Path> folders = new ArrayList<>();
		final String own = System.getProperty("pssr.tensorflow.jars", System.getenv(
			"PSSR_TENSORFLOW_JARS"));
		if (own != null) folders.add(Paths.get(own));
		final Path code = codeLocation();
		if (code != null && code.getParent() != null) {
			if (Files.isDirectory(code)) folders.add(code.getParent().resolve(FOLDER));
			else if (code.getParent().getParent() != null) folders.add(code.getParent().getParent()
				.resolve("lib").resolve(FOLDER));
		}
		return folders;
	}

	/** Where this class was loaded from: the plugin jar in Fiji, {@code target/classes} in a build. */
	private static Path codeLocation() {
		try {
			final URL url = TensorFlowRuntime.class.getProtectionDomain().getCodeSource().getLocation();
			return Paths.get(url.toURI());
		}
		catch (final URISyntaxException | RuntimeException e) {
			return null;
		}
	}

	private static List<Path> jarsIn(final Path folder) {
		if (!Files.isDirectory(folder)) return List.of();
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().collect(
				Collectors.toList());
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static URL[] urls(final List<Path> jars) {
		final URL[] urls = new URL[jars.size()];
		for (int i = 0; i < urls.length; i++) {
			try {
				urls[i] = jars.get(i).toUri().toURL();
			}
			catch (final MalformedURLException e) {
				throw new IllegalStateException(e);
			}
		}
		return urls;
	}
}
