package org.pssr.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

/**
 * A bundle written by the first released format (format 1, the recipe recorded as one line of
 * text), committed with the outputs it gave then: it must load and predict the same forever.
 */
class LegacyBundleTest {

	private static Path resource(final String name) throws URISyntaxException {
		return Paths.get(LegacyBundleTest.class.getResource("legacy/" + name).toURI());
	}

	@Test
	void aFormat1BundleLoadsWithItsRecipeAndPredictsAsItDid() throws Exception {
		try (ModelBundle bundle = ModelBundle.load(resource("format1-tiny.pssr.zip"), "cpu")) {
			assertEquals(2, bundle.scale());
			assertEquals(3, bundle.frames());
			assertEquals(0.1, bundle.normalisation().lowPercentile());
			assertEquals("poisson {scale=2.0, photons=30.0, readnoise=1.5}", bundle.recipe().get()
				.toString());
			final float[] x = new float[3 * 16 * 16];
			for (int i = 0; i < x.length; i++)
				x[i] = (i % 17) / 17f;
			final float[] y = bundle.model().predict(x, 1, 16, 16);
			final String[] expected = expected();
			for (int i = 0; i < expected.length; i++)
				assertEquals(Float.parseFloat(expected[i]), y[i * 100], 1e-5, "output " + i * 100);
		}
	}

	private static String[] expected() throws IOException, URISyntaxException {
		return new String(Files.readAllBytes(resource("format1-tiny-outputs.csv")),
			StandardCharsets.UTF_8).trim().split(",");
	}
}
