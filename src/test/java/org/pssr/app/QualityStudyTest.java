package org.pssr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ij.gui.Plot;

import org.junit.jupiter.api.Test;
import org.pssr.train.eval.Evaluation;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.crappify.Logger;
import org.pssr.crappify.acquisition.Acquisition;
import org.pssr.imagej.MovieFiles;
import org.pssr.imagej.StudyPlot;
import org.pssr.testing.TestMovie;

/** Tiny folds on synthetic stand-ins: what is trained on what, what is written. */
class QualityStudyTest {

	private static final Map<String, String> TINY = Map.of("epochs", "1", "samples", "12", "tile",
		"32", "scale", "2", "batch", "4", "device", "cpu");

	@TempDir
	Path dir;

	private final List<Path> opened = new ArrayList<>();

	private QualityStudy study(final List<Path> movies) {
		return new QualityStudy(movies, TINY, List.of("stability=0", "stability=1"), dir.resolve(
			"models"), (file, channel) -> {
				opened.add(file);
				return MovieFiles.IMAGEJ.open(file, channel);
			});
	}

	@Test
	void everyChoiceIsTrainedWithoutEachMovieAndEvaluatedOnIt() throws IOException {
		final Path a = TestMovie.SEQUENCE_1.synthetic();
		final Path b = TestMovie.NUCLEI.synthetic();
		final QualityStudy study = study(List.of(a, b));
		final List<QualityStudy.Fold> folds = study.run(Logger.NONE);
		assertEquals(4, folds.size());
		assertEquals(List.of(b, a, a, b, b, a, a, b), opened, "train on the other movie, then " +
			"evaluate on the held-out one, for each choice");
		assertEquals(List.of("stability=0", "stability=0", "stability=1", "stability=1"), List.of(folds
			.get(0).choice, folds.get(1).choice, folds.get(2).choice, folds.get(3).choice));
		assertEquals(a.getFileName().toString(), folds.get(0).heldOut);
		for (final QualityStudy.Fold f : folds) {
			final Evaluation.Gain g = f.overBestClassical();
			assertTrue(Double.isFinite(g.psnr) && Double.isFinite(g.ssim) && g.temporal > 0 && g.noise > 0,
				f.choice + " " + f.heldOut);
			assertEquals(f.evaluation.bestClassical(), g.over);
			assertTrue(g.psnr <= f.overBicubic().psnr + 1e-9, "the best classical answer is at least " +
				"as good as bicubic, which is a blur of sigma 0");
		}
		assertTrue(Files.isRegularFile(study.modelFile("stability=1", b)));
		assertTrue(study.modelFile("stability=1", b).getFileName().toString().startsWith(
			"stability-1-without-mitocheck_nuclei-"));

		final String md = study.markdown(folds, "pssr study test", "quality.png");
		assertTrue(md.contains("Made by `pssr study test`"), md);
		assertTrue(md.contains("| stability=0 | own | ") && md.contains("| stability=1 | own | "), md);
		assertTrue(md.contains("| stability=1 | own | mitocheck_nuclei.tif | "), md);
		assertTrue(md.contains("epochs=1") && md.contains("preset=small"), "the base settings: " + md);
		assertTrue(md.contains("](quality.png)"), md);
		assertTrue(md.contains("PSNR gain over best classical (dB)") && md.contains("blur "), md);
		final Plot plot = StudyPlot.plot(folds);
		assertEquals(folds.get(3).overBestClassical().psnr, plot.getDataObjectArrays(1)[1][1], 1e-4,
			"stability=1 on the second movie");

		opened.clear();
		final List<QualityStudy.Fold> again = study.run(Logger.NONE);
		assertEquals(List.of(a, b, a, b), opened, "a study run again uses its models, training none");
		assertEquals(folds.get(3).overBestClassical().psnr, again.get(3).overBestClassical().psnr, 1e-9);
		assertEquals(folds.get(3).trainingSeconds, again.get(3).trainingSeconds, 1e-9,
			"a model used again keeps its training time");
		assertTrue(folds.get(3).trainingSeconds > 0);
	}

	@Test
	void onSimulatedAcquisitionsEachFoldCalibratesItsRecordingAndTrainsWithThatRecipe()
		throws IOException, InterruptedException
	{
		final Path a = TestMovie.SEQUENCE_1.synthetic();
		final Path b = TestMovie.NUCLEI.synthetic();
		final QualityStudy study = new QualityStudy(List.of(a, b), TINY, List.of(), dir.resolve(
			"models"), MovieFiles.IMAGEJ).acquiredWith(List.of(Acquisition.of(Map.of("scale", 2.0,
				"photons", 100.0, "gain", 3.0))));
		final List<QualityStudy.Fold> folds = study.run(Logger.NONE);
		assertEquals(2, folds.size());
		for (final QualityStudy.Fold f : folds) {
			assertEquals("acquisition scale=2 photons=100 gain=3", f.degradation);
			final QualityStudy.CalibrationCheck c = f.calibration;
			if (c.measured != null) {
				assertTrue(Math.abs(c.gainError()) < 0.5, f.heldOut + ": " + c.measured);
				assertTrue(c.blur >= 0, f.heldOut + ": " + c.blur);
			}
			else assertFalse(c.refusal.isEmpty());
			assertTrue(Double.isFinite(f.overBestClassical().psnr) && f.overBestClassical().noise > 0,
				f.heldOut);
		}
		try (java.util.stream.Stream<Path> recipes = Files.list(dir.resolve("models/recipes"))) {
			assertEquals(folds.stream().filter(f -> f.calibration.measured != null).count(), recipes
				.count(), "a recipe file per calibrated recording");
		}
		final String md = study.markdown(folds, "pssr study test", null);
		assertTrue(md.contains("## Calibration of the recordings") && md.contains(
			"| acquisition scale=2 photons=100 gain=3 | drosophila_h2b_seq1.tif | 3 | "), md);
		assertTrue(md.contains("recorded twice"), md);

		// a second later: the recipe files made again carry another time in their records
		Thread.sleep(1100);
		final List<QualityStudy.Fold> again = study.run(Logger.NONE);
		assertEquals(folds.get(1).overBestClassical().psnr, again.get(1).overBestClassical().psnr, 1e-9,
			"the same recordings, calibrations and models again");
		try (java.util.stream.Stream<Path> models = Files.list(dir.resolve("models"))) {
			assertEquals(2, models.filter(f -> f.toString().endsWith(".pssr.zip")).count(),
				"a study run again trains no model");
		}
	}

	@Test
	void aModelTrainedWithOtherBaseSettingsIsNotTakenForTheChoice() {
		final List<Path> two = List.of(dir.resolve("a.tif"), dir.resolve("b.tif"));
		final QualityStudy tiny = study(two);
		final Map<String, String> otherSeed = new HashMap<>(TINY);
		otherSeed.put("seed", "7");
		final QualityStudy seeded = new QualityStudy(two, otherSeed, List.of("stability=0"), dir
			.resolve("models"), MovieFiles.IMAGEJ);
		assertEquals(tiny.modelFile("stability=0", two.get(0)), study(two).modelFile("stability=0", two
			.get(0)));
		assertFalse(tiny.modelFile("stability=0", two.get(0)).equals(seeded.modelFile("stability=0", two
			.get(0))));
		assertFalse(tiny.modelFile("stability=0", two.get(0)).equals(tiny.modelFile("stability=0", two
			.get(1))));

		final QualityStudy plain = new QualityStudy(two, TINY, List.of(), dir.resolve("models"),
			MovieFiles.IMAGEJ);
		final String base = plain.modelFile(QualityStudy.BASE, two.get(0)).getFileName().toString();
		final String same = tiny.modelFile("stability=" + QualityStudy.DEFAULTS.get("stability"), two
			.get(0)).getFileName().toString();
		assertTrue(base.startsWith("base-without-a-"), "no choice: the base settings alone, " + base);
		assertEquals(same.substring(same.lastIndexOf('-')), base.substring(base.lastIndexOf('-')),
			"a choice that sets a default trains the same model as the base settings");
	}

	@Test
	void badSettingsAreRefusedBeforeAnyTraining() {
		final List<Path> two = List.of(dir.resolve("a.tif"), dir.resolve("b.tif"));
		final IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
			() -> new QualityStudy(two, Map.of(), List.of("colour=red"), dir, MovieFiles.IMAGEJ));
		assertTrue(unknown.getMessage().contains("cannot vary 'colour'"), unknown.getMessage());
		assertThrows(IllegalArgumentException.class, () -> new QualityStudy(two, Map.of(), List.of(
			"preset=huge"), dir, MovieFiles.IMAGEJ));
		assertThrows(IllegalArgumentException.class, () -> new QualityStudy(List.of(two.get(0)), Map
			.of(), List.of("stability=0"), dir, MovieFiles.IMAGEJ), "one movie leaves none to train on");
		assertFalse(Files.exists(dir.resolve("models")));
	}
}
