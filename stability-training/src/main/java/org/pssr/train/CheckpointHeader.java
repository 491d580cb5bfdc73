package org.pssr.train;

import java.util.ArrayList;
import java.util.List;

/**
 * What a checkpoint records besides the tensors: the run it belongs to (so a resume with other
 * settings or other data is refused) and where it stood (epoch, position within the next epoch,
 * batch, best PSNR, history).
 */
final class CheckpointHeader {

	Architecture architecture;
	long seed;
	int epochs;
	double learningRate;
	double weightDecay;
	double stability;
	/** The batch asked for; {@link #batch} may be smaller after an out-of-memory back-off. */
	int requestedBatch;
	/** What the training samples are and how many ({@code TwinSource.describe()}, size). */
	String data;
	int trainingSamples;
	/** Epochs completed. */
	int epoch;
	/**
	 * Samples of epoch {@code epoch + 1} done, with the sum and count of their step losses: 0 at an
	 * epoch boundary (and in checkpoints written before preemption was saved mid-epoch), more in one
	 * written on preemption.
	 */
	int position;
	double epochLoss;
	int epochSteps;
	int batch;
	double bestPsnr;
	List<EpochReport> history = new ArrayList<>();

	/** The settings of {@code run} that a resumed run must share, and where it stands. */
	static CheckpointHeader of(final TrainingRun run) {
		final CheckpointHeader h = new CheckpointHeader();
		final TrainingOptions o = run.options;
		h.architecture = run.config;
		h.seed = o.seed();
		h.epochs = o.epochs();
		h.learningRate = o.learningRate();
		h.weightDecay = o.weightDecay();
		h.stability = o.stability();
		h.requestedBatch = o.batch();
		h.data = run.train.describe();
		h.trainingSamples = run.train.size();
		h.epoch = run.epoch;
		h.position = run.position;
		h.epochLoss = run.epochLoss;
		h.epochSteps = run.epochSteps;
		h.batch = run.batch;
		h.bestPsnr = run.bestPsnr;
		h.history = new ArrayList<>(run.history);
		return h;
	}

	/** What differs between this checkpoint's run and {@code now}'s; empty when it may resume. */
	List<String> differences(final CheckpointHeader now) {
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
