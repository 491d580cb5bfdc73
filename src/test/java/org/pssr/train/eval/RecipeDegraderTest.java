package org.pssr.train.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pssr.crappify.Degradation;
import org.pssr.crappify.Degradations;

class RecipeDegraderTest {

	@Test
	void readsTheRecipeATrainingRunRecordedAndDegradesReproducibly() {
		final Degradation poisson = Degradations.create("poisson", 2, Map.of("photons", 50.0));
		final String recorded = "recipe=poisson " + poisson.parameters() +
			" frames=3 tile=64 seed=1 dataset=twins";
		final RecipeDegrader d = RecipeDegrader.fromDescription(recorded, 2).orElseThrow();
		assertTrue(d.toString().contains("photons=50.0"), d.toString());
		final float[] hr = new float[32 * 24];
		for (int i = 0; i < hr.length; i++)
			hr[i] = (i % 32) / 32f;
		final float[] a = d.degrade(hr, 16, 12, 2, 5);
		assertEquals(16 * 12, a.length);
		assertArrayEquals(a, d.degrade(hr, 16, 12, 2, 5));
		assertFalse(Arrays.equals(a, d.degrade(hr, 16, 12, 2, 6)));
	}

	@Test
	void aMissingRecipeIsEmptyAndAWrongScaleIsRefused() {
		assertTrue(RecipeDegrader.fromDescription("test", 2).isEmpty());
		final String x4 = "recipe=pssr " + Degradations.create("pssr", 4, Map.of()).parameters();
		assertThrows(IllegalArgumentException.class, () -> RecipeDegrader.fromDescription(x4, 2));
	}
}
