package org.pssr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import com.google.gson.JsonObject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.pssr.crappify.io.TiffStackReader;

/**
 * The Python reference of {@code pssr bench} still describes the networks of the fixture that
 * {@link ReferenceShapesTest} holds our networks to, and its whole-movie mode writes every frame. Needs Debian's python3-torch and python3-tifffile, so it is its own
 * suite: {@code mvn -Preference test} ({@code .ci/run} installs the package first).
 */
@Tag("reference")
class ReferenceScriptTest {

	@Test
	void referenceScriptStillMatchesItsFixture() throws IOException {
		final Reference reference = Reference.standard(1);
		assertTrue(reference.available(), Reference.INSTALL_HINT);
		final JsonObject now = reference.run("describe");
		assertEquals(ReferenceShapesTest.fixture().get("presets"), now.get("presets"),
			"bench/reference changed: rerun its describe and update reference-shapes.json");
	}

	@Test
	void referenceSuperResolvesEveryFrameOfAMovie(@TempDir final Path dir) throws IOException {
		final Reference reference = Reference.standard(1);
		assertTrue(reference.available(), Reference.INSTALL_HINT);
		final Path movie = BenchMovie.movie(dir, 40, 5);
		final Path output = dir.resolve("sr.tif");
		final JsonObject answer = reference.run("superres", "--preset", "fast", "--input", movie
			.toString(), "--output", output.toString(), "--lr-tile", "32");
		assertEquals(5, answer.get("frames").getAsInt());
		try (TiffStackReader r = new TiffStackReader(output)) {
			assertEquals(5, r.planes());
			assertEquals(160, r.width());
			assertEquals(160, r.height());
			for (int t = 0; t < 5; t++)
				for (final float v : r.readPlane(t))
					assertTrue(Float.isFinite(v), "frame " + (t + 1) + " has a NaN: a tile weight sum of 0");
		}
	}
}
