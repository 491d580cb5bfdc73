package org.pssr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.crappify.Normalisation;
import org.pssr.testing.RecordingLogger;
import org.pssr.testing.TestMovie;
import org.pssr.train.ModelBundle;
import org.pssr.train.MovieTwins;
import org.pssr.train.TrainingListener;
import org.pssr.train.TrainingOptions;
import org.pssr.train.TwinDatasetOpener;

class TrainJobTest {

	@TempDir
	Path dir;

	@Test
	void trainsAndWritesABundleWithCheckpointsAndLogsEachEpoch() throws Exception {
		final MovieTwins twins = new MovieTwins(TestMovie.CELLS_16BIT.synthetic(), 16, 2, 4, 1, 40,
			0.05);
		final Path output = dir.resolve("m.pssr.zip");
		final RecordingLogger log = new RecordingLogger();
		final String summary = new TrainJob(TrainingOptions.builder().preset("small").epochs(1).batch(2)
			.seed(1).device("cpu").progressEvery(1).build(), output).run(new TwinDatasetOpener.Split(twins, twins,
				Normalisation.PSSR), log, TrainingListener.NONE);
		assertTrue(summary.startsWith("Wrote " + output) && summary.endsWith("completed"), summary);
		assertTrue(Files.exists(dir.resolve("m.checkpoints/last.ckpt")));
		assertTrue(log.lines.get(0).startsWith("training small"), log.lines.toString());
		assertTrue(log.lines.stream().anyMatch(l -> l.startsWith("epoch 1: train loss")), log.lines
			.toString());
		assertEquals(2, log.statuses.size(), "one status per step: " + log.statuses);
		try (ModelBundle b = ModelBundle.load(output, "cpu")) {
			assertEquals(2, b.scale());
			assertTrue(b.recipe().isEmpty(), "the test twins record no recipe");
			assertTrue(b.data().contains("block average"), b.data());
			assertEquals(1, b.json().getAsJsonObject("training").getAsJsonArray("history").size());
			assertEquals(b.json().getAsJsonObject("training").get("seconds").getAsDouble(), ModelBundle
				.trainingSeconds(output));
			assertTrue(ModelBundle.trainingSeconds(output) > 0, "the run's seconds are recorded");
		}
	}

	@Test
	void aModelFileWithoutTheBundleSuffixIsRefusedBeforeTraining() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new TrainJob(TrainingOptions.DEFAULTS, dir.resolve("m.zip")));
		assertTrue(e.getMessage().contains(".pssr.zip"), e.getMessage());
	}
}
