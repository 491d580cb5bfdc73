package org.pssr.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ByteProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.testing.TestMovie;

/** What {@code pssr study} refuses, and the page it writes; QualityStudyTest checks the folds. */
class StudyCommandTest {

	@TempDir
	Path dir;

	@Test
	void aSingleFrameIsNoTimeLapseSoOneMovieIsLeftAndThatIsTooFew() {
		final Path still = dir.resolve("still.tif");
		IJ.saveAsTiff(new ImagePlus("still", new ByteProcessor(64, 64)), still.toString());
		final Path output = dir.resolve("quality.md");
		final String err = CliRun.stderr(ExitCodes.USAGE, "study", "--movies", still.toString(),
			TestMovie.NUCLEI.synthetic().toString(), "--vary", "stability=0,1", "--work", dir.resolve("w")
				.toString(), "--output", output.toString());
		assertTrue(err.contains("at least two movies, not 1"), err);
		assertFalse(Files.exists(output));
	}

	@Test
	void thePageQuotesTheCommandThatMadeItAndShowsItsPlot() throws Exception {
		final Path output = dir.resolve("quality.md");
		CliRun.stderr(ExitCodes.OK, "study", "--movies", TestMovie.NUCLEI.synthetic().toString(), TestMovie
			.SEQUENCE_1.synthetic().toString(), "--vary", "epochs=1", "--set", "samples=12", "--set",
			"tile=32", "--set", "scale=2", "--set", "batch=4", "--set", "device=cpu", "--evaluate-recipe",
			"poisson,pssr", "--work", dir.resolve("w").toString(), "--output", output.toString(), "--plot", dir
				.resolve("quality.png").toString());
		final String page = Files.readString(output);
		assertTrue(page.contains("Made by `pssr study --movies "), page);
		assertTrue(page.contains("each of the recipes poisson, pssr for every model"), page);
		assertTrue(page.contains("| epochs=1 | poisson | ") && page.contains("| epochs=1 | pssr | "),
			"a row of averages per recipe of the LR data: " + page);
		assertTrue(page.indexOf("| epochs=1 | pssr | ") < page.indexOf("| epochs=1 | pssr | " +
			"drosophila_h2b_seq1.tif"), page);
		assertTrue(page.contains("`preset=small epochs=10 batch=4 "), "base settings in order: " + page);
		assertTrue(page.contains("](quality.png)") && Files.isRegularFile(dir.resolve("quality.png")),
			page);
	}

	@Test
	void anUnknownEvaluationRecipeIsRefusedBeforeAnyTraining() {
		final Path work = dir.resolve("w");
		final String err = CliRun.stderr(ExitCodes.USAGE, "study", "--movies", TestMovie.NUCLEI
			.synthetic().toString(), TestMovie.SEQUENCE_1.synthetic().toString(), "--vary", "epochs=1",
			"--evaluate-recipe", "blurry", "--work", work.toString(), "--output", dir.resolve("q.md")
				.toString());
		assertTrue(err.contains("blurry"), err);
		assertFalse(Files.exists(work));
	}

	@Test
	void aChoiceWithoutValuesIsAUsageError() {
		final String err = CliRun.stderr(ExitCodes.USAGE, "study", "--movies", TestMovie.NUCLEI.synthetic()
			.toString(), TestMovie.SEQUENCE_1.synthetic().toString(), "--vary", "stability", "--work", dir
				.resolve("w").toString(), "--output", dir.resolve("q.md").toString());
		assertTrue(err.contains("--vary takes NAME=V1,V2"), err);
	}
}
