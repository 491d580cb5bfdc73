package org.pssr.train;

import java.util.List;

/**
 * What a model bundle records of the run that trained it: the options, the device, how long it took,
 * why it stopped, and the validation of every epoch.
 */
final class TrainingRecord {

	String preset;
	int epochs;
	int batch;
	/** Smaller than {@link #batch} after an out-of-memory back-off. */
	int finalBatch;
	double learningRate;
	String schedule = OneCycle.DESCRIPTION;
	String optimizer = Adam.DESCRIPTION;
	double weightDecay;
	double stability;
	long seed;
	String device;
	int trainingSamples;
	int validationSamples;
	long steps;
	double seconds;
	/** What {@link #stop} says of a run that trained every epoch. */
	static final String COMPLETED = "completed";

	/** {@link #COMPLETED}, or why the run stopped before its last epoch. */
	String stop;
	double bestPsnr;
	List<EpochReport> history;

	static TrainingRecord of(final TrainingRun run) {
		final TrainingOptions o = run.options;
		final TrainingRecord r = new TrainingRecord();
		r.preset = o.preset();
		r.epochs = o.epochs();
		r.batch = o.batch();
		r.finalBatch = run.batch;
		r.learningRate = o.learningRate();
		r.weightDecay = o.weightDecay();
		r.stability = o.stability();
		r.seed = o.seed();
		r.device = Engines.describe(run.device);
		r.trainingSamples = run.train.size();
		r.validationSamples = run.valid.size();
		r.steps = run.adam.steps();
		r.seconds = (System.nanoTime() - run.started) / 1e9;
		r.stop = run.stoppedEarly == null ? COMPLETED : run.stoppedEarly;
		r.bestPsnr = run.bestPsnr;
		r.history = List.copyOf(run.history);
		return r;
	}
}
