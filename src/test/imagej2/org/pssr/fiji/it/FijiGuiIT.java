package org.pssr.fiji.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pssr.cli.Main;
import org.pssr.testing.GuidedMovies;

/**
 * Fiji as a biologist sees it, on a (virtual, Xvfb) display: every PSSR dialog as the guide
 * documents it, and each command started from the menu, its dialog filled through its fields, and
 * what then appears on the screen (see {@code org.pssr.fiji.GuiChecks}). Screenshots of every step,
 * and what each Fiji printed, go to {@code target/gui-screenshots}; with {@code
 * -Dpssr.screenshots=docs/images} the screenshots the README and the guide show are copied there.
 */
@Tag("gui")
class FijiGuiIT {

	private static final long TIMEOUT = 900;
	/** The screenshots docs/ and the README show. */
	private static final List<String> DOCUMENTED = List.of("guided-filled", "guided-advanced",
		"guided-calibration", "guided-training", "guided-result", "guided-evaluation",
		"dialog-generate-twin-training-data", "dialog-train-model", "dialog-train-model-advanced-settings",
		"dialog-super-resolve-movie", "dialog-evaluate-model", "dialog-export-model-tensorflow",
		"dialog-open-czi-built-in-reader", "twin-preview", "train-filled", "training-status",
		"training", "task-list", "before-after", "evaluation");
	private static final Path SHOTS = Paths.get("target", "gui-screenshots").toAbsolutePath();

	private static Path twins;

	/** Runs {@code GuiChecks#check} in a Fiji with a display and its own fresh preferences. */
	private static void check(final String check, final String... args) throws Exception {
		final Path prefs = ItData.work("prefs-" + check);
		final List<String> command = new ArrayList<>(List.of("check", "org.pssr.fiji.GuiChecks#" +
			check));
		command.addAll(List.of(args));
		final FijiInstall.Result r = FijiInstall.get().run(TIMEOUT, true, List.of(
			"-Dpssr.it.screenshots=" + SHOTS, "-Djava.util.prefs.userRoot=" + prefs), command.toArray(
				new String[0]));
		Files.write(Files.createDirectories(SHOTS).resolve(check + ".log"), r.output.getBytes(
			StandardCharsets.UTF_8));
		assertTrue(r.result().startsWith("ok"), r.toString());
		System.out.println(check + ": " + r.result());
	}

	/** A small twin dataset of 32 px tiles, made once with {@code pssr crappify}. */
	private static synchronized Path twins() throws IOException {
		if (twins != null) return twins;
		final Path dir = ItData.work("twins");
		assertEquals(0, Main.run("crappify", "--input", ItData.movies().resolve("nuclei.tif")
			.toString(), "--output", dir.toString(), "--tile", "32", "--samples", "24"));
		twins = dir;
		return twins;
	}

	@Test
	void theGuidedCommandCalibratesTrainsSuperResolvesAndEvaluatesInWindows() throws Exception {
		final GuidedMovies movies = GuidedMovies.write(ItData.work("guided-data"));
		check("guided", movies.lr.toString(), movies.hr1.toString(), movies.hr2.toString(), ItData
			.work("guided").resolve("out").toString());
	}

	@Test
	void everyDialogShowsTheFieldsDefaultsAndHelpTheGuideDocuments() throws Exception {
		check("dialogs", Paths.get("docs", "fiji.md").toAbsolutePath().toString(), ItData.movies()
			.resolve("nuclei.tif").toString());
	}

	@Test
	void twinDataThenTrainingShowPreviewLivePlotStatusAndProgress() throws Exception {
		check("training", ItData.movies().resolve("nuclei.tif").toString(), ItData.work("training")
			.toString());
	}

	@Test
	void escapeFinishesTrainingEarlyAndKeepsTheBestModel() throws Exception {
		check("escape", twins().toString(), ItData.work("escape").toString());
	}

	@Test
	void cancellingTheTrainingTaskWritesNoModel() throws Exception {
		check("cancelTask", twins().toString(), ItData.work("cancel").toString());
	}

	@Test
	void theSuperResolvedMovieOpensInANewCalibratedWindow() throws Exception {
		check("superResolve", ItData.movies().resolve("nuclei.tif").toString(), ItData.model()
			.toString());
	}

	@Test
	void evaluationShowsItsTableAndPsnrPerFrame() throws Exception {
		check("evaluate", ItData.movies().resolve("cells.tif").toString(), ItData.model().toString());
	}

	/** {@code -Dpssr.screenshots=DIR}: the documented screenshots, regenerated, into DIR. */
	@AfterAll
	static void copyDocumentedScreenshots() throws IOException {
		final String to = System.getProperty("pssr.screenshots", "");
		if (to.isEmpty()) return;
		final Path dir = Files.createDirectories(Paths.get(to));
		final List<String> missing = new ArrayList<>();
		for (final String name : DOCUMENTED) {
			final Path shot = SHOTS.resolve(name + ".png");
			if (Files.isRegularFile(shot)) Files.copy(shot, dir.resolve(name + ".png"),
				StandardCopyOption.REPLACE_EXISTING);
			else missing.add(name);
		}
		assertEquals(List.of(), missing, "screenshots not taken");
	}
}
