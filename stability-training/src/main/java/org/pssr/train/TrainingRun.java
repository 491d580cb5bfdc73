package org.pssr.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.pssr.crappify.Logger;
import org.pssr.crappify.TwinSource;

/**
 * The state of one training run, shared by the trainer's loop and its hooks: the network and its
 * optimiser, where the run stands, and how it ends.
 */
final class TrainingRun {

	final TrainingOptions options;
	final TwinSource train;
	final TwinSource valid;
	final Logger log;
	final TrainingListener listener;
	final Architecture config;
	final Device device;
	final Network net;
	final Adam adam;
	final Path checkpoints;
	/** Throws when the run was asked to stop: for the loops outside the steps. */
	private final Runnable stopIfAsked;
	final long started = System.nanoTime();

	/** Epochs completed; the one running is {@code epoch + 1}. */
	int epoch;
	int batch;
	double bestPsnr = Double.NEGATIVE_INFINITY;
	final List<EpochReport> history = new ArrayList<>();
	/** Why training stopped before its last epoch; null while it runs on. */
	String stoppedEarly;
	/**
	 * The mean step loss since the loss was last read from the device ({@link #readLoss}), and the
	 * samples of the last step.
	 */
	double loss;
	int samples;
	/**
	 * The sum of the step losses not read yet, kept on the device: reading a loss waits for its step
	 * to finish there, which at every step would leave a GPU idle while the host prepares the next.
	 */
	private final NDArray unreadLoss;
	private int unreadSteps;
	/**
	 * Samples of the current epoch done, and the sum and count of its step losses; restored from a
	 * checkpoint written on preemption, which saves them in the middle of an epoch.
	 */
	int position;
	double epochLoss;
	int epochSteps;
	/** The sum and count of the step losses of the epoch that just ended. */
	private double endedLoss;
	private int endedSteps;
	/** The mean step loss of the epoch that just ended (or was cut short). */
	double trainLoss = Double.NaN;
	/** The last validation, after an epoch ends. */
	EpochReport report;
	long epochStart = System.nanoTime();

	TrainingRun(final TrainingOptions options, final TwinSource train, final TwinSource valid,
		final Logger log, final TrainingListener listener, final Architecture config, final Device device, final Network net,
		final Path checkpoints, final Runnable stopIfAsked)
	{
		this.stopIfAsked = stopIfAsked;
		this.options = options;
		this.train = train;
		this.valid = valid;
		this.log = log;
		this.listener = listener;
		this.config = config;
		this.device = device;
		this.net = net;
		this.adam = new Adam(net.weights().trainable(), options.weightDecay());
		this.checkpoints = checkpoints;
		this.batch = Math.min(options.batch(), train.size());
		this.unreadLoss = net.manager().zeros(new Shape(), DataType.FLOAT32, device);
	}

	/** Adds a step's loss, still on the device, to those {@link #readLoss} reads. */
	void addLoss(final NDArray stepLoss) {
		unreadLoss.addi(stepLoss);
		unreadSteps++;
	}

	/**
	 * Reads the losses of the steps since the last read: their mean into {@link #loss}, their sum and
	 * count into the epoch's.
	 */
	void readLoss() {
		if (unreadSteps == 0) return;
		final double sum = unreadLoss.getFloat();
		unreadLoss.subi(unreadLoss);
		loss = sum / unreadSteps;
		epochLoss += sum;
		epochSteps += unreadSteps;
		unreadSteps = 0;
	}

	/**
	 * Whether the step just taken is one to report: the loss is read from the device, and progress
	 * shown, every {@link TrainingOptions#progressEvery} steps.
	 */
	boolean progressDue() {
		return adam.steps() % options.progressEvery() == 0;
	}

	/**
	 * Stops the run, by an exception, when it was cancelled or preempted: what the loops outside the
	 * steps (set-up, validation) call, so that SIGTERM stops them within seconds too.
	 */
	void stopIfAsked() {
		stopIfAsked.run();
	}

	/** What a checkpoint records of this run now. */
	TrainingSnapshot snapshot() {
		return new TrainingSnapshot(this);
	}

	/** Stands where {@code saved}, a snapshot of a run with the same settings, stood. */
	void resumeAt(final TrainingSnapshot saved) {
		epoch = saved.epoch();
		position = saved.position();
		epochLoss = saved.epochLoss();
		epochSteps = saved.epochSteps();
		batch = saved.batch();
		bestPsnr = saved.bestPsnr();
		history.addAll(saved.history());
	}

	/** Ends the epoch whose steps are all done: the next one starts at its first sample. */
	void endEpoch() {
		trainLoss = meanLoss();
		endedLoss = epochLoss;
		endedSteps = epochSteps;
		epoch++;
		position = 0;
		epochLoss = 0;
		epochSteps = 0;
	}

	/**
	 * Undoes {@link #endEpoch()}: the run stands after the last step of that epoch, not validated
	 * yet, which is where a run preempted during the epoch's validation resumes.
	 */
	void reopenEpoch() {
		epoch--;
		position = train.size();
		epochLoss = endedLoss;
		epochSteps = endedSteps;
	}

	/** The mean step loss so far in the current epoch; NaN before its first step. */
	double meanLoss() {
		return epochSteps == 0 ? Double.NaN : epochLoss / epochSteps;
	}

	/** Fraction of the whole run done after {@code pos} samples of the current epoch. */
	double progress(final int pos) {
		return (epoch + pos / (double) train.size()) / options.epochs();
	}
}
