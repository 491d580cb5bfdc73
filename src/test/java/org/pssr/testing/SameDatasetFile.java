package org.pssr.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A file of two twin datasets the same: bit for bit, but for the manifest's {@code created} time,
 * which differs whenever the two were written in different seconds.
 */
public final class SameDatasetFile {

	private SameDatasetFile() {}

	public static void assertSameFile(final Path expected, final Path actual) throws IOException {
		if (!expected.getFileName().toString().equals("manifest.json")) {
			assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual), actual.toString());
			return;
		}
		assertEquals(withoutTime(expected), withoutTime(actual), actual.toString());
	}

	private static JsonObject withoutTime(final Path manifest) throws IOException {
		final JsonObject o = JsonParser.parseString(new String(Files.readAllBytes(manifest),
			StandardCharsets.UTF_8)).getAsJsonObject();
		o.remove("created");
		return o;
	}
}
