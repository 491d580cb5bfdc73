package org.pssr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.crappify.NoiseCalibrationTestMovies;
import org.pssr.crappify.TwinDataset;
import org.pssr.crappify.io.ImageJTiffWriter;
import org.pssr.crappify.io.PixelFormat;
import org.pssr.testing.TestMovie;

/** pssr calibrate on a camera of known noise, and its recipe file as crappify's --recipe. */
class CalibrateCommandTest {

	@TempDir
	Path dir;

	private final MainRunner pssr = new MainRunner();

	@Test
	void writesARecipeFileThatCrappifyTakesAsItsRecipe() throws IOException {
		final Path lr = dir.resolve("scope.tif");
		ImageJTiffWriter.save(NoiseCalibrationTestMovies.camera(2.0, 100, 3, 500, 12, 65535, 9), lr,
			PixelFormat.UINT16);
		assertEquals(0, pssr.run("calibrate", "--input", lr.toString()), pssr.err);
		final Path recipe = dir.resolve("scope.recipe.json");
		assertTrue(pssr.out.contains("Wrote " + recipe), pssr.out);
		final JsonObject o = JsonParser.parseString(new String(Files.readAllBytes(recipe),
			StandardCharsets.UTF_8)).getAsJsonObject();
		assertEquals("calibrated", o.get("name").getAsString());
		final JsonObject p = o.getAsJsonObject("parameters");
		assertEquals(2.0, p.get("gain").getAsDouble(), 0.2);
		// offset and read noise are the pair that gives the measured variance down to the darkest level
		for (final double counts : new double[] { 150, 600, 1000 }) {
			final double truth = 2 * (counts - 100) + 9;
			final double given = p.get("gain").getAsDouble() * (counts - p.get("offset").getAsDouble()) + Math
				.pow(p.get("readnoise").getAsDouble(), 2);
			assertEquals(truth, given, 0.1 * truth, "variance at " + counts + ": " + o);
		}
		assertEquals("pixels that hold still", o.getAsJsonObject("measured").get("method").getAsString());
		assertFalse(p.has("scale"), "the scale stays the dataset's choice");
		assertTrue(o.getAsJsonObject("provenance").get("input").getAsString().contains("sha256"), o
			.toString());

		final Path twins = dir.resolve("twins");
		assertEquals(0, pssr.run("crappify", "--input", TestMovie.NUCLEI.synthetic().toString(),
			"--output", twins.toString(), "--tile", "64", "--samples", "6", "--scale", "2", "--recipe",
			recipe.toString()), pssr.err);
		try (TwinDataset ds = TwinDataset.open(twins)) {
			assertEquals("calibrated", ds.degradation().name());
			assertEquals(2, ds.degradation().scale());
			assertEquals(p.get("gain").getAsDouble(), ds.degradation().parameters().get("gain"));
		}
	}

	@Test
	void withHighResolutionMoviesTheBlurOfTheAcquisitionGoesIntoTheRecipe() throws IOException {
		final Path hr = dir.resolve("hr.tif");
		assertEquals(0, pssr.run("synth", hr.toString(), "--frames", "6", "--width", "256", "--height",
			"256"), pssr.err);
		final Path lr = dir.resolve("lr.tif");
		assertEquals(0, pssr.run("simulate", "--input", hr.toString(), "--output", lr.toString(),
			"--photons", "200", "--psf", "6"), pssr.err);
		assertEquals(0, pssr.run("calibrate", "--input", lr.toString(), "--hr", hr.toString()),
			pssr.err);
		final JsonObject o = JsonParser.parseString(new String(Files.readAllBytes(dir.resolve(
			"lr.recipe.json")), StandardCharsets.UTF_8)).getAsJsonObject();
		assertEquals(6, o.getAsJsonObject("parameters").get("blur").getAsDouble(), 1.5, o.toString());
		assertTrue(o.getAsJsonObject("measured").get("blur").getAsString().startsWith("blur sigma"), o
			.toString());
		assertTrue(o.getAsJsonObject("provenance").get("blur measured against").getAsString().contains(
			"hr.tif"), o.toString());

		assertEquals(0, pssr.run("calibrate", "--input", lr.toString(), "--output", dir.resolve(
			"plain.json").toString()), pssr.err);
		final JsonObject plain = JsonParser.parseString(new String(Files.readAllBytes(dir.resolve(
			"plain.json")), StandardCharsets.UTF_8)).getAsJsonObject();
		assertEquals(0, plain.getAsJsonObject("parameters").get("blur").getAsDouble());
		assertTrue(plain.getAsJsonObject("measured").get("blur").getAsString().startsWith(
			"not measured"), plain.toString());
	}

	@Test
	void aMovieThatCannotBeCalibratedWritesNothing() throws IOException {
		final Path lr = dir.resolve("saturated.tif");
		ImageJTiffWriter.save(NoiseCalibrationTestMovies.camera(2.0, 100, 3, 500, 3, 400, 9), lr,
			PixelFormat.UINT16);
		assertEquals(2, pssr.run("calibrate", "--input", lr.toString()));
		assertTrue(pssr.err.startsWith("pssr: ") && pssr.err.contains("saturated.tif") && pssr.err
			.contains("saturated"), pssr.err);
		assertEquals(1, pssr.err.split("\n").length, "one line, the progress is on stdout: " + pssr.err);
		assertFalse(Files.exists(dir.resolve("saturated.recipe.json")));
		assertEquals(2, pssr.run("crappify", "--input", lr.toString(), "--output", dir.resolve("t")
			.toString(), "--recipe", dir.resolve("none.json").toString()));
		assertTrue(pssr.err.contains("none.json") && pssr.err.contains("does not exist"), pssr.err);
	}
}
