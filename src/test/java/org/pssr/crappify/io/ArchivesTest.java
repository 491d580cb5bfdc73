package org.pssr.crappify.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every zip is read through its CRCs, and nothing lands outside where it is unpacked. */
class ArchivesTest {

	@TempDir
	Path dir;

	private static byte[] zip(final boolean deflate, final String... namesAndTexts) throws IOException {
		final ByteArrayOutputStream b = new ByteArrayOutputStream();
		try (ZipOutputStream z = new ZipOutputStream(b)) {
			if (!deflate) z.setLevel(0);
			for (int i = 0; i < namesAndTexts.length; i += 2) {
				z.putNextEntry(new ZipEntry(namesAndTexts[i]));
				z.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
				z.closeEntry();
			}
		}
		return b.toByteArray();
	}

	@Test
	void readsEveryEntryAndUnpacksIntoFolders() throws IOException {
		final Path file = Files.write(dir.resolve("a.zip"), zip(true, "model.json", "{}", "sub/w.bin",
			"weights"));
		final Map<String, byte[]> entries = Archives.read(file);
		assertEquals(2, entries.size());
		assertArrayEquals("weights".getBytes(StandardCharsets.UTF_8), entries.get("sub/w.bin"));
		final Path out = Files.createDirectories(dir.resolve("out"));
		Archives.extract(file, out);
		assertEquals("weights", Files.readString(out.resolve("sub/w.bin")));
	}

	@Test
	void aFlippedBitIsAFailureNotWrongData() throws IOException {
		final String text = "0123456789".repeat(20);
		final byte[] bytes = zip(false, "weights.bin", text);
		final int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf(text) + 50;
		bytes[at] ^= 1;
		final Path file = Files.write(dir.resolve("flipped.zip"), bytes);
		final ZipException e = assertThrows(ZipException.class, () -> Archives.read(file));
		assertTrue(e.getMessage().contains("weights.bin") && e.getMessage().contains("damaged"), e
			.getMessage());
		final Path out = Files.createDirectories(dir.resolve("out"));
		assertThrows(ZipException.class, () -> Archives.extract(file, out));
	}

	@Test
	void entriesPointingOutsideAreRefusedInEveryForm() throws IOException {
		int n = 0;
		for (final String evil : new String[] { "../evil.txt", "a/../../evil.txt", "/etc/evil.txt",
			"C:/evil.txt", "a\\..\\..\\evil.txt" })
		{
			final Path file = Files.write(dir.resolve("slip.zip"), zip(true, "ok.txt", "x", evil, "x"));
			final ZipException e = assertThrows(ZipException.class, () -> Archives.read(file), evil);
			assertTrue(e.getMessage().contains("points outside"), e.getMessage());
			final Path out = Files.createDirectories(dir.resolve("out" + n++));
			assertThrows(ZipException.class, () -> Archives.extract(file, out), evil);
			assertFalse(Files.exists(dir.resolve("evil.txt")));
		}
	}

	@Test
	void truncatedAndNonZipFilesAreRefused() throws IOException {
		final byte[] whole = zip(true, "a.txt", "some text that compresses a little a little a little");
		final Path cut = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(whole, whole.length / 2));
		assertThrows(ZipException.class, () -> Archives.read(cut));
		final Path text = Files.write(dir.resolve("text.zip"), "not a zip".getBytes(
			StandardCharsets.UTF_8));
		final ZipException e = assertThrows(ZipException.class, () -> Archives.read(text));
		assertTrue(e.getMessage().contains("not a zip"), e.getMessage());
	}
}
