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
		assertEquals(100, p.get("offset").getAsDouble(), 10);
		assertEquals(3, p.get("readnoise").getAsDouble(), 0.3);
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
	void aMovieThatCannotBeCalibratedWritesNothing() throws IOException {
		final Path lr = dir.resolve("short.tif");
		ImageJTiffWriter.save(NoiseCalibrationTestMovies.camera(2.0, 100, 3, 500, 3, 65535, 9), lr,
			PixelFormat.UINT16);
		assertEquals(2, pssr.run("calibrate", "--input", lr.toString()));
		assertTrue(pssr.err.startsWith("pssr: ") && pssr.err.contains("short.tif") && pssr.err.contains(
			"at least 4"), pssr.err);
		assertEquals(1, pssr.err.split("\n").length, "one line, the progress is on stdout: " + pssr.err);
		assertFalse(Files.exists(dir.resolve("short.recipe.json")));
		assertEquals(2, pssr.run("crappify", "--input", lr.toString(), "--output", dir.resolve("t")
			.toString(), "--recipe", dir.resolve("none.json").toString()));
		assertTrue(pssr.err.contains("none.json") && pssr.err.contains("does not exist"), pssr.err);
	}
}
