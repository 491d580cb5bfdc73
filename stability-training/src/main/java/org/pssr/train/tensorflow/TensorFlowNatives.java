package org.pssr.train.tensorflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import ai.djl.engine.Engine;

import com.sun.jna.Library;
import com.sun.jna.Native;

import org.pssr.crappify.io.Checksums;
import org.pssr.crappify.io.Folders;

/**
 * Makes DJL's TensorFlow engine loadable. Its native jar ({@code tensorflow-native-cpu 2.10.1},
 * 465 MB) is labelled {@code cu113}, so DJL's own platform check skips it on a machine without
 * CUDA; and the plugin does not ship it, so a Fiji install stays small. This class finds the jar,
 * extracts its {@code native/lib} once into a cache folder and points {@code
 * TENSORFLOW_LIBRARY_PATH} there before the engine is first asked for.
 *
 * <p>
 * Where the jar is looked for, in order: {@code TENSORFLOW_LIBRARY_PATH} already set (used as is);
 * the cache folder from an earlier extraction; {@code PSSR_TENSORFLOW_JAR} (environment or system
 * property); the class path (the test and CLI class path have it); the local Maven repository;
 * finally, only when {@code ai.djl.offline} is {@code false}, a download from Maven Central checked
 * against the jar's published SHA-1.
 */
public final class TensorFlowNatives {

	public static final String ENGINE = "TensorFlow";
	public static final String VERSION = "2.10.1";
	static final String ARTIFACT = "tensorflow-native-cpu-" + VERSION + "-linux-x86_64.jar";
	static final String MAVEN_PATH = "ai/djl/tensorflow/tensorflow-native-cpu/" + VERSION + "/" +
		ARTIFACT;
	static final String SHA1 = "b35170a0e6efd8975e92d7879e3f73207fce75ab";
	private static final String CENTRAL = "https://repo1.maven.org/maven2/";
	static final String[] LIBRARIES = { "libjnitensorflow.so", "libtensorflow_framework.so.2",
		"libtensorflow_cc.so.2" };
	private static final String PROPERTY = "TENSORFLOW_LIBRARY_PATH";

	private static Engine engine;

	private TensorFlowNatives() {}

	/**
	 * The TensorFlow engine, loaded once per JVM.
	 *
	 * @throws IllegalStateException with what to do when the natives cannot be found
	 */
	public static synchronized Engine engine() {
		if (engine != null) return engine;
		if (!isLinuxX64()) throw new IllegalStateException(
			"TensorFlow models need Linux x86-64 here (the natives this build pins); this is " + System
				.getProperty("os.name") + " " + System.getProperty("os.arch"));
		if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
		if (setting(PROPERTY) == null) {
			System.setProperty(PROPERTY, libraryFolder().toString());
		}
		quietNativeLogging();
		engine = Engine.getEngine(ENGINE);
		return engine;
	}

	/** The folder the libraries are extracted to; {@code pssr.tensorflow.cache} overrides it. */
	static Path cacheFolder() {
		final String own = System.getProperty("pssr.tensorflow.cache");
		if (own != null) return Paths.get(own);
		final String djl = setting("DJL_CACHE_DIR");
		final Path base = djl != null ? Paths.get(djl) : Paths.get(System.getProperty("user.home"),
			".djl.ai");
		return base.resolve("pssr-tensorflow").resolve(VERSION + "-cpu-linux-x86_64");
	}

	private static Path libraryFolder() {
		final Path cache = cacheFolder();
		if (complete(cache)) return cache;
		final List<String> looked = new ArrayList<>();
		try {
			for (final JarSource source : sources(looked)) {
				try (InputStream in = source.open()) {
					if (in != null) return extract(in, cache, source.verify());
				}
			}
		}
		catch (final IOException e) {
			throw new UncheckedIOException("could not extract the TensorFlow natives to " + cache, e);
		}
		throw new IllegalStateException("the TensorFlow natives (" + ARTIFACT + ", 465 MB) are not " +
			"installed. Looked in: " + String.join("; ", looked) + ". Get them once with\n  mvn " +
			"dependency:get -Dartifact=ai.djl.tensorflow:tensorflow-native-cpu:" + VERSION +
			":jar:linux-x86_64\nor download " + CENTRAL + MAVEN_PATH + " and set PSSR_TENSORFLOW_JAR " +
			"to it (or run once with -Dai.djl.offline=false to let pssr download it).");
	}

	private interface JarSource {

		/** @return null when this source has no jar */
		InputStream open() throws IOException;

		/** Whether the bytes must match {@link #SHA1} (downloads). */
		default boolean verify() {
			return false;
		}
	}

	private static List<JarSource> sources(final List<String> looked) {
		final List<JarSource> sources = new ArrayList<>();
		final String own = setting("PSSR_TENSORFLOW_JAR");
		if (own != null) {
			looked.add("PSSR_TENSORFLOW_JAR=" + own);
			sources.add(() -> {
				if (!Files.isRegularFile(Paths.get(own))) throw new IOException(
					"PSSR_TENSORFLOW_JAR names no file: " + own);
				return Files.newInputStream(Paths.get(own));
			});
		}
		looked.add("the class path");
		sources.add(TensorFlowNatives::fromClassPath);
		final Path m2 = Paths.get(System.getProperty("user.home"), ".m2", "repository").resolve(
			MAVEN_PATH);
		looked.add(m2.toString());
		sources.add(() -> Files.isRegularFile(m2) ? Files.newInputStream(m2) : null);
		if ("false".equalsIgnoreCase(System.getProperty("ai.djl.offline"))) {
			looked.add(CENTRAL);
			sources.add(new JarSource() {

				@Override
				public InputStream open() throws IOException {
					return new URL(CENTRAL + MAVEN_PATH).openStream();
				}

				@Override
				public boolean verify() {
					return true;
				}
			});
		}
		return sources;
	}

	/** The jar holding {@code native/lib/tensorflow.properties}, when it is on the class path. */
	private static InputStream fromClassPath() throws IOException {
		final URL marker = TensorFlowNatives.class.getClassLoader().getResource(
			"native/lib/tensorflow.properties");
		if (marker == null || !"jar".equals(marker.getProtocol())) return null;
		final String s = marker.getPath();
		try {
			return Files.newInputStream(Paths.get(new URI(s.substring(0, s.indexOf("!/")))));
		}
		catch (final URISyntaxException e) {
			throw new IOException("unexpected class path entry " + s, e);
		}
	}

	/**
	 * Unpacks {@code native/lib/*} into a fresh sibling of {@code cache}, then renames it, so an
	 * interrupted extraction never leaves a half-filled cache behind.
	 */
	static Path extract(final InputStream jar, final Path cache, final boolean verify)
		throws IOException
	{
		Files.createDirectories(cache.getParent());
		final Path tmp = Files.createTempDirectory(cache.getParent(), cache.getFileName() + ".part");
		try {
			final MessageDigest sha1 = Checksums.digest("SHA-1");
			final DigestInputStream digested = new DigestInputStream(jar, sha1);
			final ZipInputStream zip = new ZipInputStream(digested);
			for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
				final String name = e.getName();
				if (e.isDirectory() || !name.startsWith("native/lib/")) continue;
				final String file = name.substring("native/lib/".length());
				if (file.contains("/") || file.startsWith(".")) continue;
				Files.copy(zip, tmp.resolve(file));
			}
			// the central directory follows the last entry; the digest must cover it too
			digested.transferTo(OutputStream.nullOutputStream());
			if (verify) {
				final String got = Checksums.hex(sha1.digest());
				if (!SHA1.equals(got)) throw new IOException("downloaded " + ARTIFACT + " has SHA-1 " + got +
					", not " + SHA1);
			}
			if (!complete(tmp)) throw new IOException(
				"the jar lacks the TensorFlow libraries " + String.join(", ", LIBRARIES));
			try {
				Files.move(tmp, cache, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (final IOException e) {
				// another process may have finished the same extraction first
				if (!complete(cache)) throw e;
			}
			return cache;
		}
		finally {
			Folders.deleteTree(tmp);
		}
	}

	static boolean complete(final Path folder) {
		for (final String lib : LIBRARIES) {
			if (!Files.isRegularFile(folder.resolve(lib))) return false;
		}
		return true;
	}

	private static String setting(final String name) {
		final String p = System.getProperty(name);
		return p != null ? p : System.getenv(name);
	}

	private static boolean isLinuxX64() {
		final String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		final String arch = System.getProperty("os.arch");
		return os.contains("linux") && ("amd64".equals(arch) || "x86_64".equals(arch));
	}

	private interface C extends Library {

		int setenv(String name, String value, int overwrite);
	}

	/**
	 * TensorFlow's C++ runtime prints a page of CUDA probing to stderr on every CPU machine, an error
	 * line among it; it reads {@code TF_CPP_MIN_LOG_LEVEL} from the process environment, which Java
	 * cannot set, hence libc. Real failures still arrive as exceptions. A value the user set is kept.
	 */
	private static void quietNativeLogging() {
		try {
			Native.load("c", C.class).setenv("TF_CPP_MIN_LOG_LEVEL", "3", 0);
		}
		catch (final UnsatisfiedLinkError e) {
			// only cosmetic: TensorFlow then logs its informational lines
		}
	}
}
