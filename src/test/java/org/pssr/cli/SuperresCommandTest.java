package org.pssr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ShortProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class SuperresCommandTest {

	@TempDir
	Path dir;

	private String run(final int expectedExit, final String... args) {
		final CommandLine cli = Main.commandLine();
		final StringWriter err = new StringWriter();
		cli.setErr(new PrintWriter(err));
		assertEquals(expectedExit, cli.execute(args), err.toString());
		return err.toString();
	}

	private Path movie() {
		final ImageStack stack = new ImageStack(16, 16);
		for (int t = 0; t < 3; t++)
			stack.addSlice(new ShortProcessor(16, 16));
		final Path file = dir.resolve("in.tif");
		IJ.saveAsTiff(new ImagePlus("in", stack), file.toString());
		return file;
	}

	@Test
	void aMissingModelIsAUsageErrorInOneLine() {
		final String err = run(ExitCodes.USAGE, "superres", "--model", dir.resolve("none.pssr.zip")
			.toString(), "--input", movie().toString(), "--output", dir.resolve("out.tif").toString());
		assertTrue(err.startsWith("pssr: ") && err.contains("none.pssr.zip"), err);
		assertEquals(1, err.trim().split("\n").length, err);
		assertFalse(Files.exists(dir.resolve("out.tif")));
	}

	@Test
	void aFileThatIsNotAModelIsRefusedAndNothingIsWritten() throws IOException {
		final Path notAModel = Files.write(dir.resolve("m.pssr.zip"), new byte[] { 1, 2, 3 });
		final String err = run(ExitCodes.USAGE, "superres", "--model", notAModel.toString(), "--input",
			movie().toString(), "--output", dir.resolve("out.tif").toString());
		assertTrue(err.startsWith("pssr: ") && err.contains("m.pssr.zip"), err);
		assertFalse(Files.exists(dir.resolve("out.tif")));
	}

	@Test
	void aMissingInputIsAUsageError() {
		final String err = run(ExitCodes.USAGE, "superres", "--model", "m.pssr.zip", "--input", dir
			.resolve("nothing.tif").toString(), "--output", dir.resolve("out.tif").toString());
		assertTrue(err.contains("nothing.tif"), err);
	}

	@Test
	void evaluateNeedsATruthMovie() {
		final String err = run(ExitCodes.USAGE, "evaluate", "--model", "m.pssr.zip");
		assertTrue(err.contains("--truth"), err);
	}
}
