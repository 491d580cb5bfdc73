package org.pssr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import com.google.gson.JsonObject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Python reference of {@code pssr bench} still describes the networks of the fixture that
 * {@link ReferenceShapesTest} holds our networks to. Needs Debian's python3-torch, so it is its own
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
}
