package org.pssr.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where a training run stands, as a checkpoint records it besides the tensors: the run it belongs to
 * (so a resume with other settings or other data is refused) and where it stood (epoch, position
 * within the next epoch, batch, best PSNR, history). Taken by {@link TrainingRun#snapshot()}, given
 * back by {@link TrainingRun#resumeAt}, written and read by {@link Checkpoint} alone. A value: final
 * fields read through accessors, as a record would have (the build targets Java 11); the field
 * names are the checkpoint header's JSON keys.
 */
final class TrainingSnapshot {

	private final Architecture architecture;
	private final long seed;
	private final int epochs;
	private final double learningRate;
	private final double weightDecay;
	private final double stability;
	/** The batch asked for; {@link #batch} may be smaller after an out-of-memory back-off. */
	private final int requestedBatch;
	/**
	 * What the training samples are and how many ({@code TwinSource.describe()}, size); absent
	 * (null) in checkpoints written before the data was recorded.
	 */
	private final String data;
	private final int trainingSamples;
	/** Epochs completed. */
	private final int epoch;
	/**
	 * Samples of epoch {@code epoch + 1} done, with the sum and count of their step losses: 0 at an
	 * epoch boundary (and in version 2 checkpoints, written before preemption was saved mid-epoch),
	 * more in one written on preemption.
	 */
	private final int position;
	private final double epochLoss;
	private final int epochSteps;
	private final int batch;
	private final double bestPsnr;
	private final List<EpochReport> history;

	/** The settings of {@code run} that a resumed run must share, and where it stands. */
	TrainingSnapshot(final TrainingRun run) {
		final TrainingOptions o = run.options;
		architecture = run.config;
		seed = o.seed();
		epochs = o.epochs();
		learningRate = o.learningRate();
		weightDecay = o.weightDecay();
		stability = o.stability();
		requestedBatch = o.batch();
		data = run.train.describe();
		trainingSamples = run.train.size();
		epoch = run.epoch;
		position = run.position;
		epochLoss = run.epochLoss;
		epochSteps = run.epochSteps;
		batch = run.batch;
		bestPsnr = run.bestPsnr;
		history = List.copyOf(run.history);
	}

	int epoch() {
		return epoch;
	}

	int position() {
		return position;
	}

	double epochLoss() {
		return epochLoss;
	}

	int epochSteps() {
		return epochSteps;
	}

	int batch() {
		return batch;
	}

	double bestPsnr() {
		return bestPsnr;
	}

	/** Unmodifiable, also as read back by Gson. */
	List<EpochReport> history() {
		return Collections.unmodifiableList(history);
	}

	/** What differs between this checkpoint's run and {@code now}'s; empty when it may resume. */
	List<String> differences(final TrainingSnapshot now) {
		final List<String> d = new ArrayList<>();
		if (!architecture.toJson().equals(now.architecture.toJson())) d.add("architecture " +
			architecture + " vs " + now.architecture);
		if (seed != now.seed) d.add("seed " + seed + " vs " + now.seed);
		if (epochs != now.epochs) d.add("epochs " + epochs + " vs " + now.epochs);
		if (learningRate != now.learningRate) d.add("learning rate " + learningRate + " vs " +
			now.learningRate);
		if (weightDecay != now.weightDecay) d.add("weight decay " + weightDecay + " vs " +
			now.weightDecay);
		if (stability != now.stability) d.add("stability weight " + stability + " vs " + now.stability);
		if (requestedBatch != 0 && requestedBatch != now.requestedBatch) d.add("batch " +
			requestedBatch + " vs " + now.requestedBatch);
		if (data != null && (!data.equals(now.data) || trainingSamples != now.trainingSamples)) d.add(
			"training data (" + trainingSamples + " samples: " + data + ") vs (" + now.trainingSamples +
				" samples: " + now.data + ")");
		return d;
	}
}
