package org.pssr.train.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extraction of the native jar: complete or not at all, checked when downloaded. */
class TensorFlowNativesTest {

	@TempDir
	Path dir;

	private static final String[] LIBRARIES = { "libjnitensorflow.so", "libtensorflow_cc.so.2",
		"libtensorflow_framework.so.2" };

	/** A natives jar whose properties list {@link #LIBRARIES}, holding the given ones of them. */
	private static byte[] jar(final String... libraries) throws IOException {
		return jar(false, libraries);
	}

	private static byte[] jar(final boolean slip, final String... libraries) throws IOException {
		final ByteArrayOutputStream b = new ByteArrayOutputStream();
		try (ZipOutputStream z = new ZipOutputStream(b)) {
			z.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
			z.closeEntry();
			z.putNextEntry(new ZipEntry("native/lib/" + TensorFlowNatives.PROPERTIES));
			z.write(("version=2.10.1\nlibraries=" + String.join(",", LIBRARIES)).getBytes(
				StandardCharsets.UTF_8));
			z.closeEntry();
			for (final String lib : libraries) {
				z.putNextEntry(new ZipEntry("native/lib/" + lib));
				z.write(lib.getBytes(StandardCharsets.UTF_8));
				z.closeEntry();
			}
			if (slip) {
				z.putNextEntry(new ZipEntry("native/lib/../../escape.so"));
				z.closeEntry();
			}
		}
		return b.toByteArray();
	}

	@Test
	void extractsTheLibrariesIntoTheCache() throws IOException {
		final Path cache = dir.resolve("tf");
		TensorFlowNatives.extract(new ByteArrayInputStream(jar(LIBRARIES)), cache, null);
		assertTrue(TensorFlowNatives.complete(cache));
		assertArrayEquals("libjnitensorflow.so".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(cache
			.resolve("libjnitensorflow.so")));
		assertOnlyCacheLeft(cache);
	}

	@Test
	void aJarWithAnEntryPointingOutsideIsRefused() throws IOException {
		final Path cache = dir.resolve("tf");
		final IOException e = assertThrows(IOException.class, () -> TensorFlowNatives.extract(
			new ByteArrayInputStream(jar(true, LIBRARIES)), cache, null));
		assertTrue(e.getMessage().contains("points outside"), e.getMessage());
		assertFalse(Files.exists(dir.resolve("escape.so")));
		assertOnlyCacheLeft(null);
	}

	@Test
	void anIncompleteJarLeavesNothingBehind() throws IOException {
		final Path cache = dir.resolve("tf");
		assertThrows(IOException.class, () -> TensorFlowNatives.extract(new ByteArrayInputStream(jar(
			"libjnitensorflow.so")), cache, null));
		assertFalse(Files.exists(cache));
		assertOnlyCacheLeft(null);
	}

	@Test
	void aDownloadWithTheWrongChecksumIsRejected() throws IOException {
		final Path cache = dir.resolve("tf");
		final IOException e = assertThrows(IOException.class, () -> TensorFlowNatives.extract(
			new ByteArrayInputStream(jar(LIBRARIES)), cache, "b35170a0e6efd8975e92d7879e3f73207fce75ab"));
		assertTrue(e.getMessage().contains("SHA-1"), e.getMessage());
		assertFalse(Files.exists(cache));
	}

	private void assertOnlyCacheLeft(final Path cache) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			s.forEach(p -> assertTrue(p.equals(cache), "left behind: " + p));
		}
	}
}
