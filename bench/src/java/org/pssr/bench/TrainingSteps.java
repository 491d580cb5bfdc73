package org.pssr.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.pssr.crappify.Logger;
import org.pssr.train.StabilityTrainer;
import org.pssr.train.StepProgress;
import org.pssr.train.TrainingListener;
import org.pssr.train.TrainingOptions;
import org.pssr.train.TrainingResult;

/**
 * Times twin steps of the real {@link StabilityTrainer} (one epoch over in-memory samples, progress
 * after every step), so the figure is what {@code pssr train} achieves, not a hand-written copy of
 * its step.
 */
final class TrainingSteps {

	static final int FRAMES = 3;
	static final int SCALE = 4;

	private TrainingSteps() {}

	/**
	 * Seconds of each of {@code steps} consecutive steps of {@code batch} samples (first ones are
	 * warm-up); the loss is read after every step, so a GPU's step is over when it is timed.
	 *
	 * @param device {@code cpu} or {@code gpu}
	 */
	static double[] run(final String preset, final int hrTile, final int batch, final int steps,
		final String device) throws IOException
	{
		final RandomTwins train = new RandomTwins(batch * steps, FRAMES, SCALE, hrTile, 1);
		final RandomTwins valid = new RandomTwins(1, FRAMES, SCALE, hrTile, 2);
		final Path checkpoints = Files.createTempDirectory("pssr-bench-train");
		final List<Double> seconds = new ArrayList<>();
		final TrainingListener listener = new TrainingListener() {

			@Override
			public void step(final StepProgress p) {
				seconds.add(batch / p.samplesPerSecond);
			}
		};
		final TrainingOptions options = TrainingOptions.builder().preset(preset).epochs(1).batch(batch)
			.device(device).progressEvery(1).checkpoints(checkpoints).build();
		try (TrainingResult r = new StabilityTrainer(options, train, valid, Logger.NONE, listener).train()) {
			if (seconds.size() != steps) throw new IllegalStateException("expected " + steps +
				" step reports, got " + seconds.size());
		}
		finally {
			delete(checkpoints);
		}
		return seconds.stream().mapToDouble(Double::doubleValue).toArray();
	}

	static double median(final double[] v, final int from) {
		return Spread.of(Arrays.copyOfRange(v, from, v.length)).median();
	}

	private static void delete(final Path dir) throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			for (final Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
				Files.deleteIfExists(p);
			}
		}
	}
}
