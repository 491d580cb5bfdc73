package org.pssr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.crappify.io.ImageJTiffWriter;
import org.pssr.crappify.io.PixelFormat;
import org.pssr.crappify.synth.SyntheticFluorescenceMovie;

/** evaluate --scales: a tiny model per downsampling factor, the plan as a table, CSV and plot. */
class AcquisitionPlanTest {

	@TempDir
	static Path dir;

	private static Path truth;

	@BeforeAll
	static void trainAModelPerScale() throws IOException {
		final Path hr = dir.resolve("hr.tif");
		ImageJTiffWriter.save(new SyntheticFluorescenceMovie(96, 96, 10, 1), hr, PixelFormat.UINT16);
		truth = dir.resolve("truth.tif");
		ImageJTiffWriter.save(new SyntheticFluorescenceMovie(64, 64, 5, 2), truth, PixelFormat.UINT16);
		for (final String scale : new String[] { "2", "4" })
			assertEquals(ExitCodes.OK, Main.run("train", "--movies", hr.toString(), "--output", dir
				.resolve("m" + scale + ".pssr.zip").toString(), "--scale", scale, "--tile", "32",
				"--samples", "32", "--batch", "8", "--epochs", "2", "--seed", "3", "--device", "cpu"));
	}

	@Test
	void tablesCsvAndPlotOfQualityAgainstTheDownsamplingFactor() throws IOException {
		final MainRunner pssr = new MainRunner();
		final Path csv = dir.resolve("plan.csv");
		final Path png = dir.resolve("plan.png");
		assertEquals(ExitCodes.OK, pssr.run("evaluate", "--truth", truth.toString(), "--model", dir
			.resolve("m{scale}.pssr.zip").toString(), "--scales", "4,2", "--device", "cpu", "--csv", csv
				.toString(), "--plot", png.toString()), pssr.err);
		// the table follows the log
		final String[] lines = pssr.out.substring(pssr.out.lastIndexOf("\nscale ") + 1).split("\n");
		assertTrue(lines[0].startsWith("scale") && lines[1].startsWith("x2 ") && lines[2].startsWith(
			"x4 ") && lines[3].startsWith("best: the best classical answer") && lines.length == 4,
			pssr.out);
		final List<String> rows = Files.readAllLines(csv);
		assertEquals(3, rows.size(), rows.toString());
		for (int r = 1; r <= 2; r++) {
			final String[] v = rows.get(r).split(",");
			assertEquals(r == 1 ? "2" : "4", v[0]);
			for (int c = 1; c <= 3; c++) {
				final double psnr = Double.parseDouble(v[c]);
				assertTrue(psnr > 10 && psnr < 60, "PSNR of a real comparison: " + rows);
			}
			assertTrue(Double.parseDouble(v[5]) > 0 && Double.parseDouble(v[6]) > 0, rows.toString());
		}
		final ImagePlus plot = IJ.openImage(png.toString());
		assertTrue(plot != null && plot.getWidth() > 200 && plot.getHeight() > 100, "a plot in " + png);
	}

	@Test
	void aPathWithoutTheScaleOrAModelOfAnotherScaleIsRefused() throws IOException {
		final MainRunner pssr = new MainRunner();
		final Path csv = dir.resolve("refused.csv");
		assertEquals(ExitCodes.USAGE, pssr.run("evaluate", "--truth", truth.toString(), "--model", dir
			.resolve("m2.pssr.zip").toString(), "--scales", "2,4", "--csv", csv.toString()));
		assertTrue(pssr.err.contains("{scale}"), pssr.err);
		Files.copy(dir.resolve("m2.pssr.zip"), dir.resolve("w8.pssr.zip"));
		Files.copy(dir.resolve("m2.pssr.zip"), dir.resolve("w2.pssr.zip"));
		assertEquals(ExitCodes.USAGE, pssr.run("evaluate", "--truth", truth.toString(), "--model", dir
			.resolve("w{scale}.pssr.zip").toString(), "--scales", "2,8", "--device", "cpu", "--csv", csv
				.toString()));
		assertTrue(pssr.err.contains("is x2, not x8"), pssr.err);
		assertFalse(Files.exists(csv), "nothing written");
		assertEquals(ExitCodes.USAGE, pssr.run("evaluate", "--truth", truth.toString(), "--model", dir
			.resolve("m2.pssr.zip").toString(), "--plot", dir.resolve("p.png").toString()));
		assertTrue(pssr.err.contains("--scales"), pssr.err);
	}
}
