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
import java.util.Map;
import java.util.Properties;

import com.sun.jna.Library;
import com.sun.jna.Native;

import org.pssr.crappify.io.Archives;
import org.pssr.crappify.io.Checksums;
import org.pssr.crappify.io.Folders;

/**
 * Finds TensorFlow's native libraries for DJL's TensorFlow engine. Their jar ({@code
 * tensorflow-native-cpu 2.10.1}, 120-490 MB per platform) is labelled {@code cu113}, so DJL's own
 * platform check skips it on a machine without CUDA; and the plugin does not ship it, so a Fiji
 * install stays small. This class finds the jar for this platform (Linux, Windows, macOS x86-64),
 * extracts its {@code native/lib} once into a cache folder, and {@link TensorFlowRuntime} points
 * {@code TENSORFLOW_LIBRARY_PATH} there before the engine loads.
 *
 * <p>
 * Where the jar is looked for, in order: {@code TENSORFLOW_LIBRARY_PATH} already set (used as is);
 * the cache folder from an earlier extraction; {@code PSSR_TENSORFLOW_JAR} (environment or system
 * property); the class path (the test class path has it); the local Maven repository; finally,
 * only when {@code ai.djl.offline} is {@code false}, a download from Maven Central checked against
 * the jar's published SHA-1.
 */
public final class TensorFlowNatives {

	public static final String VERSION = "2.10.1";
	/** SHA-1 of each platform's jar, as Maven Central publishes them. */
	private static final Map<String, String> SHA1 = Map.of("linux-x86_64",
		"b35170a0e6efd8975e92d7879e3f73207fce75ab", "win-x86_64",
		"0067144e0a2875c72eb011c9d00efbcad722f829", "osx-x86_64",
		"a08631ae25c020e921d5c31b09cb30d9023c383f");
	private static final String CENTRAL = "https://repo1.maven.org/maven2/";
	/** The jar's description of itself; {@code libraries=} lists what must be extracted. */
	static final String PROPERTIES = "tensorflow.properties";
	private static final String PROPERTY = "TENSORFLOW_LIBRARY_PATH";

	private TensorFlowNatives() {}

	/** This machine's classifier of the natives jar. */
	static String classifier() {
		final String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		final String arch = System.getProperty("os.arch");
		final boolean x64 = "amd64".equals(arch) || "x86_64".equals(arch);
		final String classifier = !x64 ? null : os.contains("linux") ? "linux-x86_64" : os.contains(
			"windows") ? "win-x86_64" : os.contains("mac") ? "osx-x86_64" : null;
		if (classifier == null) throw new IllegalStateException("TensorFlow " + VERSION +
			" natives exist for Linux, Windows and macOS on x86-64 only; this is " + System.getProperty(
				"os.name") + " " + arch + ". Export and TensorFlow models need one of those; training and " +
			"PyTorch models work here.");
		return classifier;
	}

	static String artifact() {
		return "tensorflow-native-cpu-" + VERSION + "-" + classifier() + ".jar";
	}

	static String mavenPath() {
		return "ai/djl/tensorflow/tensorflow-native-cpu/" + VERSION + "/" + artifact();
	}

	/**
	 * The folder holding the libraries, extracted on first use, also set as {@code
	 * TENSORFLOW_LIBRARY_PATH} for DJL.
	 *
	 * @throws IllegalStateException with what to do when the natives cannot be found
	 */
	static synchronized Path libraryFolder() {
		final String set = setting(PROPERTY);
		final Path folder = set != null ? Paths.get(set) : extracted();
		System.setProperty(PROPERTY, folder.toString());
		quietNativeLogging();
		return folder;
	}

	/** The folder the libraries are extracted to; {@code pssr.tensorflow.cache} overrides it. */
	static Path cacheFolder() {
		final String own = System.getProperty("pssr.tensorflow.cache");
		if (own != null) return Paths.get(own);
		final String djl = setting("DJL_CACHE_DIR");
		final Path base = djl != null ? Paths.get(djl) : Paths.get(System.getProperty("user.home"),
			".djl.ai");
		return base.resolve("pssr-tensorflow").resolve(VERSION + "-cpu-" + classifier());
	}

	private static Path extracted() {
		final Path cache = cacheFolder();
		if (complete(cache)) return cache;
		final List<String> looked = new ArrayList<>();
		try {
			for (final JarSource source : sources(looked)) {
				try (InputStream in = source.open()) {
					if (in != null) return extract(in, cache, source.verify() ? SHA1.get(classifier()) : null);
				}
			}
		}
		catch (final IOException e) {
			throw new UncheckedIOException("could not extract the TensorFlow natives to " + cache, e);
		}
		throw new IllegalStateException("the TensorFlow natives (" + artifact() + ") are not " +
			"installed. Looked in: " + String.join("; ", looked) + ". Get them once with\n  mvn " +
			"dependency:get -Dartifact=ai.djl.tensorflow:tensorflow-native-cpu:" + VERSION + ":jar:" +
			classifier() + "\nor download " + CENTRAL + mavenPath() + " and set PSSR_TENSORFLOW_JAR " +
			"to it (or run once with -Dai.djl.offline=false to let pssr download it).");
	}

	private interface JarSource {

		/** @return null when this source has no jar */
		InputStream open() throws IOException;

		/** Whether the bytes must match the published SHA-1 (downloads). */
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
			mavenPath());
		looked.add(m2.toString());
		sources.add(() -> Files.isRegularFile(m2) ? Files.newInputStream(m2) : null);
		if ("false".equalsIgnoreCase(System.getProperty("ai.djl.offline"))) {
			looked.add(CENTRAL);
			sources.add(new JarSource() {

				@Override
				public InputStream open() throws IOException {
					return new URL(CENTRAL + mavenPath()).openStream();
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
		final URL marker = TensorFlowNatives.class.getClassLoader().getResource("native/lib/" +
			PROPERTIES);
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
	 *
	 * @param sha1 the SHA-1 the jar's bytes must have, or null
	 */
	static Path extract(final InputStream jar, final Path cache, final String sha1) throws IOException {
		Files.createDirectories(cache.getParent());
		final Path tmp = Files.createTempDirectory(cache.getParent(), cache.getFileName() + ".part");
		try {
			final MessageDigest digest = Checksums.digest("SHA-1");
			final DigestInputStream digested = new DigestInputStream(jar, digest);
			Archives.extract(digested, tmp, name -> {
				final String file = name.startsWith("native/lib/") ? name.substring("native/lib/".length())
					: "";
				return file.isEmpty() || file.contains("/") || file.startsWith(".") ? null : file;
			}, artifact());
			// the central directory follows the last entry; the digest must cover it too
			digested.transferTo(OutputStream.nullOutputStream());
			if (sha1 != null) {
				final String got = Checksums.hex(digest.digest());
				if (!sha1.equals(got)) throw new IOException("downloaded " + artifact() + " has SHA-1 " +
					got + ", not " + sha1);
			}
			if (!complete(tmp)) throw new IOException("the jar lacks " + PROPERTIES +
				" or a library it lists");
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

	/** Whether {@code folder} holds the jar's properties and every library they list. */
	static boolean complete(final Path folder) {
		final Path properties = folder.resolve(PROPERTIES);
		if (!Files.isRegularFile(properties)) return false;
		final Properties p = new Properties();
		try (InputStream in = Files.newInputStream(properties)) {
			p.load(in);
		}
		catch (final IOException e) {
			return false;
		}
		final String libraries = p.getProperty("libraries", "");
		if (libraries.isEmpty()) return false;
		for (final String lib : libraries.split(",")) {
			if (!Files.isRegularFile(folder.resolve(lib.trim()))) return false;
		}
		return true;
	}

	private static String setting(final String name) {
		final String p = System.getProperty(name);
		return p != null ? p : System.getenv(name);
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
			// only cosmetic (and Windows has no setenv): TensorFlow then logs its informational lines
		}
	}
}
