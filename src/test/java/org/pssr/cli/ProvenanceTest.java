package org.pssr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import ij.IJ;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.app.TwinDraw;
import org.pssr.crappify.Provenance;
import org.pssr.crappify.io.Checksums;
import org.pssr.testing.TestMovie;
import org.pssr.train.Engines;

/**
 * Every output says how it was made, and {@code pssr info} reads it back: a twin dataset, the
 * model trained on it and a movie super-resolved with that model, field by field.
 */
class ProvenanceTest {

	@TempDir
	Path dir;

	@Test
	void datasetModelAndSuperResolvedMovieRecordHowTheyWereMade() throws IOException {
		final Path movie = TestMovie.NUCLEI.synthetic();
		final Path twins = dir.resolve("twins");
		final Path model = dir.resolve("m.pssr.zip");
		final Path out = dir.resolve("out.tif");
		assertEquals(ExitCodes.OK, Main.run("crappify", "--input", movie.toString(), "--output", twins
			.toString(), "--scale", "2", "--tile", "32", "--samples", "8", "--seed", "7"));
		assertEquals(ExitCodes.OK, Main.run("train", "--data", twins.toString(), "--output", model
			.toString(), "--epochs", "1", "--batch", "4", "--seed", "5", "--device", "cpu"));
		assertEquals(ExitCodes.OK, Main.run("superres", "--model", model.toString(), "--input", movie
			.toString(), "--output", out.toString(), "--device", "cpu", "--tile", "48", "--bits", "16"));

		final Map<String, String> dataset = info(twins);
		assertEquals("pssr-fiji " + Provenance.version(), dataset.get("software"));
		assertTrue(dataset.get("created").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), dataset
			.get("created"));
		assertEquals("7", dataset.get("draw.seed"));
		assertEquals("2", dataset.get("scale"));
		assertEquals("3", dataset.get("frames"));
		assertEquals(TwinDraw.DEFAULT_RECIPE, dataset.get("recipe.name"));
		assertEquals(movie.getFileName().toString(), dataset.get("sources[0].name"));
		assertEquals(Checksums.sha256(movie), dataset.get("sources[0].sha256"));

		final Map<String, String> bundle = info(model);
		assertEquals("model bundle " + Provenance.describe(model), bundle.get("heading"));
		assertEquals(Provenance.version(), bundle.get("software.pssr-fiji"));
		assertTrue(bundle.get("software.engine").startsWith("PyTorch "), bundle.toString());
		assertTrue(bundle.containsKey("created"), bundle.toString());
		assertEquals("5", bundle.get("training.seed"));
		assertEquals("small", bundle.get("architecture.preset"));
		assertEquals(TwinDraw.DEFAULT_RECIPE, bundle.get("recipe.name"));
		assertTrue(bundle.get("training.device").startsWith("PyTorch"), bundle.toString());
		assertTrue(bundle.get("data").contains("seed=7"), bundle.get("data"));

		final Map<String, String> tiff = info(out);
		assertEquals("superres", tiff.get("command"));
		assertEquals(Provenance.version(), tiff.get("pssr-fiji"));
		assertEquals(movie.getFileName() + " (sha256 " + Checksums.sha256(movie) + ")", tiff.get(
			"input"));
		assertEquals("m.pssr.zip (sha256 " + Checksums.sha256(model) + ")", tiff.get("model"));
		assertTrue(tiff.get("network").startsWith("small (3 frames, x2"), tiff.get("network"));
		assertEquals("2", tiff.get("scale"));
		assertEquals("3", tiff.get("frames"));
		assertTrue(tiff.get("recipe").startsWith(TwinDraw.DEFAULT_RECIPE), tiff.get("recipe"));
		assertTrue(tiff.get("device").startsWith(Engines.ENGINE), tiff.get("device"));
		assertEquals("48", tiff.get("tile"));
		assertEquals("16", tiff.get("bits"));
		assertEquals(System.getProperty("java.version"), tiff.get("java"));
		assertTrue(tiff.containsKey("created") && tiff.containsKey("normalisation"), tiff.toString());
		assertEquals(Provenance.parse(IJ.openImage(out.toString()).getInfoProperty()).get().entries(),
			tiff, "Image > Show Info in Fiji shows the same record");
	}

	/** {@code pssr info} as key -> value; the first line (what the file is) under "heading". */
	private static Map<String, String> info(final Path path) {
		final MainRunner pssr = new MainRunner();
		assertEquals(ExitCodes.OK, pssr.run("info", path.toString()), pssr.err);
		final Map<String, String> m = new LinkedHashMap<>();
		for (final String line : pssr.out.split("\n")) {
			final int colon = line.indexOf(": ");
			if (colon > 0 && !line.startsWith("model bundle ") && !line.startsWith("twin dataset "))
				m.put(line.substring(0, colon), line.substring(colon + 2));
			else m.putIfAbsent("heading", line);
		}
		return m;
	}
}
