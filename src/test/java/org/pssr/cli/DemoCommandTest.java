package org.pssr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.crappify.TwinDataset;
import org.pssr.train.ModelBundle;

/** The README's main job, shrunk to a few training steps: every file it promises, and its table. */
class DemoCommandTest {

	@TempDir
	Path dir;

	@Test
	void runsThePipelineEndToEndAndLeavesEveryFileInTheFolder() throws Exception {
		final Path out = dir.resolve("demo");
		final PrintStream stdout = System.out;
		final ByteArrayOutputStream printed = new ByteArrayOutputStream();
		System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
		final int code;
		try {
			code = Main.run("demo", "--output", out.toString(), "--samples", "20", "--epochs", "1");
		}
		finally {
			System.setOut(stdout);
		}
		assertEquals(ExitCodes.OK, code, printed.toString(StandardCharsets.UTF_8));

		final ImagePlus hr = IJ.openImage(out.resolve("synthetic_hr.tif").toString());
		assertEquals(16, hr.getBitDepth());
		assertTrue(hr.getNFrames() > 3);
		try (TwinDataset twins = TwinDataset.open(out.resolve("twins"))) {
			assertEquals(20, twins.train().size() + twins.valid().size());
			assertEquals(4, twins.scale());
		}
		try (ModelBundle model = ModelBundle.load(out.resolve("model.pssr.zip"), "cpu")) {
			assertEquals(3, model.frames());
			assertEquals(4, model.scale());
		}
		final ImagePlus truth = IJ.openImage(out.resolve("heldout_hr.tif").toString());
		final List<String> csv = Files.readAllLines(out.resolve("evaluation.csv"));
		assertEquals(truth.getNFrames() + 1, csv.size(), "a header and one row per held-out frame");

		final String table = printed.toString(StandardCharsets.UTF_8);
		for (final String method : new String[] { "model", "bicubic+blur", "mean3+blur", "bicubic",
			"bilinear" })
			assertTrue(table.lines().anyMatch(l -> l.startsWith(method + " ")), "table row " + method +
				" in:\n" + table);
		assertTrue(table.contains("model over the best classical answer ("), table);

		final ImagePlus lr = IJ.openImage(out.resolve("heldout_lr.tif").toString());
		final ImagePlus superResolved = IJ.openImage(out.resolve("heldout_pssr.tif").toString());
		assertEquals(truth.getNFrames(), superResolved.getNFrames(), "a frame out per frame in");
		assertEquals(4 * lr.getWidth(), superResolved.getWidth());
		final ImagePlus figure = IJ.openImage(out.resolve("evaluation.png").toString());
		assertTrue(figure.getWidth() > 6 * 32, "six panels side by side: " + figure.getWidth());
		assertTrue(table.contains("Super-resolved movie: " + out.resolve("heldout_pssr.tif")
			.toAbsolutePath()) && table.contains("Evaluation figure: " + out.resolve("evaluation.png")
				.toAbsolutePath()), table);
	}
}
