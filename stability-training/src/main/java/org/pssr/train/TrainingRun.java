package org.pssr.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ai.djl.Device;

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
	final UNetConfig config;
	final Device device;
	final UNet net;
	final Adam adam;
	final Path checkpoints;
	final long started = System.nanoTime();

	/** Epochs completed; the one running is {@code epoch + 1}. */
	int epoch;
	int batch;
	double bestPsnr = Double.NEGATIVE_INFINITY;
	final List<EpochReport> history = new ArrayList<>();
	/** Why training stopped before its last epoch; null while it runs on. */
	String stoppedEarly;
	/** The loss of the last step, and the samples it took. */
	double loss;
	int samples;
	/**
	 * Samples of the current epoch done, and the sum and count of its step losses; restored from a
	 * checkpoint written on preemption, which saves them in the middle of an epoch.
	 */
	int position;
	double epochLoss;
	int epochSteps;
	/** The mean step loss of the epoch that just ended (or was cut short). */
	double trainLoss = Double.NaN;
	/** The last validation, after an epoch ends. */
	EpochReport report;
	long epochStart = System.nanoTime();

	TrainingRun(final TrainingOptions options, final TwinSource train, final TwinSource valid,
		final Logger log, final TrainingListener listener, final UNetConfig config, final Device device, final UNet net,
		final Path checkpoints)
	{
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
