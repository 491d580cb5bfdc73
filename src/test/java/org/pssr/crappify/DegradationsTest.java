package org.pssr.crappify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import com.google.gson.JsonPrimitive;

import org.junit.jupiter.api.Test;

/** Recipes are recorded as {name, parameters}; what format 1 wrote as text still reads. */
class DegradationsTest {

	@Test
	void everyRecipeRoundTripsThroughItsRecord() {
		for (final String name : Degradations.names()) {
			final Degradation r = Degradations.create(name, 4, Map.of());
			final Degradation back = Degradations.fromJson(Degradations.toJson(r));
			assertEquals(r.name(), back.name());
			assertEquals(r.parameters(), back.parameters());
			assertEquals(4.0, Degradations.toJson(r).getAsJsonObject("parameters").get("scale")
				.getAsDouble());
		}
	}

	@Test
	void theTextFormat1WroteStillReads() {
		final Degradation r = Degradations.recorded(new JsonPrimitive(
			"recipe=poisson {scale=2.0, photons=30.0, readnoise=1.5} frames=3 tile=32 seed=5"), 2).get();
		assertEquals("poisson", r.name());
		assertEquals(30.0, r.parameters().get("photons"));
		assertTrue(Degradations.recorded(new JsonPrimitive("test: block average"), 2).isEmpty());
		assertTrue(Degradations.recorded(null, 2).isEmpty());
		final IllegalArgumentException x4 = assertThrows(IllegalArgumentException.class,
			() -> Degradations.recorded(Degradations.toJson(new PssrDegradation(4)), 2));
		assertTrue(x4.getMessage().contains("x2") && x4.getMessage().contains("x4"), x4.getMessage());
	}

	@Test
	void gaussianRecipeBinsAndAddsReadNoise() {
		final float[] hr = new float[16];
		for (int i = 0; i < hr.length; i++)
			hr[i] = i;
		final float[] binned = new GaussianDegradation(2, 0).apply(hr, 4, 4, null);
		assertEquals((0 + 1 + 4 + 5) / 4f, binned[0]);
		final float[] noisy = new GaussianDegradation(2, 0.5).apply(hr, 4, 4, Seeds.stream(1, Split.TRAIN,
			0, 0, 1));
		assertTrue(noisy[0] != binned[0]);
		assertThrows(UnsupportedOperationException.class, () -> new GaussianDegradation(2, 0)
			.parameters().put("sigma", 1.0), "a recipe's record cannot be changed");
	}
}
