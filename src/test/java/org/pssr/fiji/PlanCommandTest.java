package org.pssr.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.cli.ExitCodes;
import org.pssr.cli.Main;
import org.pssr.crappify.io.ImageJTiffWriter;
import org.pssr.crappify.io.PixelFormat;
import org.pssr.crappify.synth.SyntheticFluorescenceMovie;

/** Evaluate Model's plan mode: factors given, a model per factor, the plan's CSV and plot written. */
class PlanCommandTest {

	@Test
	void factorsGiveThePlansTableAndPlot(@TempDir final Path dir) throws IOException {
		final Path hr = dir.resolve("hr.tif");
		ImageJTiffWriter.save(new SyntheticFluorescenceMovie(64, 64, 6, 1), hr, PixelFormat.UINT16);
		for (final String scale : new String[] { "2", "4" })
			assertEquals(ExitCodes.OK, Main.run("train", "--movies", hr.toString(), "--output", dir
				.resolve("m" + scale + ".pssr.zip").toString(), "--scale", scale, "--tile", "32",
				"--samples", "16", "--batch", "8", "--epochs", "1", "--device", "cpu"));
		final EvaluateModelCommand command = new EvaluateModelCommand();
		command.inputfile = hr.toFile();
		command.modelfile = new File(dir.resolve("m{scale}.pssr.zip").toString());
		command.device = "cpu";
		command.scales = "2, 4";
		command.csvfile = dir.resolve("plan.csv").toFile();
		command.plotfile = dir.resolve("plan.png").toFile();
		command.run();
		assertFalse(command.isCanceled(), command.getCancelReason());
		assertEquals(3, Files.readAllLines(dir.resolve("plan.csv")).size());
		assertTrue(Files.size(dir.resolve("plan.png")) > 1000);

		command.scales = "2, four";
		command.run();
		assertTrue(command.isCanceled() && command.getCancelReason().contains("whole numbers"), command
			.getCancelReason());
	}
}
