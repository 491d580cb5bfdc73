package org.pssr.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.pssr.crappify.Logger;
import org.pssr.crappify.Normalisation;
import org.pssr.crappify.SourceMovie;
import org.pssr.crappify.Split;
import org.pssr.crappify.TwinCrappifier;
import org.pssr.train.ModelBundle;
import org.pssr.train.StabilityTrainer;
import org.pssr.train.TrainingListener;
import org.pssr.train.TrainingOptions;
import org.pssr.train.TrainingResult;
import org.pssr.train.TwinDatasetOpener;
import org.pssr.train.Network;

/**
 * Trains a model on twins and writes its bundle, with checkpoints beside it in
 * {@code NAME.checkpoints/}: {@code pssr train} and Train Model. {@link #finishNow()},
 * {@link #cancel()} and {@link #preempt()} may be called from another thread.
 */
public final class TrainJob {

	private final TrainingOptions options;
	private final Path output;
	private volatile StabilityTrainer trainer;
	private volatile boolean finish;
	private volatile boolean cancel;
	private volatile boolean preempt;

	/**
	 * @param options set to keep the checkpoints beside {@code output}
	 * @param output the model bundle to write, ending in {@value ModelBundle#SUFFIX}
	 */
	public TrainJob(final TrainingOptions options, final Path output) {
		if (!output.getFileName().toString().endsWith(ModelBundle.SUFFIX)) {
			throw new IllegalArgumentException("the model file must end with " + ModelBundle.SUFFIX +
				": " + output);
		}
		if (Files.isDirectory(output)) throw new IllegalArgumentException("the model file " + output +
			" is a folder");
		this.options = options.toBuilder().checkpoints(ModelBundle.checkpointFolder(output)).build();
		this.output = output;
	}

	/** Twins of a dataset folder written by {@link CrappifyJob}. */
	public static TwinDatasetOpener.Split dataset(final Path folder) throws IOException {
		return TwinDatasetOpener.FOLDER.open(folder);
	}

	/** Twins drawn on the fly from HR movies, fresh tiles and noise every epoch. */
	public static TwinDatasetOpener.Split movies(final List<SourceMovie> sources,
		final TwinDraw draw, final long seed)
	{
		final int valid = draw.validationCount();
		if (valid < 1) throw new IllegalArgumentException("training on movies needs validation " +
			"samples: samples " + draw.samples() + " with validation " + draw.validation() +
			" holds out none");
		final TwinCrappifier crappifier = draw.crappifier(sources, seed);
		return new TwinDatasetOpener.Split(crappifier.source(Split.TRAIN, draw.samples() - valid),
			crappifier.source(Split.VALID, valid), Normalisation.PSSR);
	}

	/**
	 * Trains on {@code split} and writes the bundle.
	 *
	 * @return one line on what was written and how training ended
	 * @throws java.util.concurrent.CancellationException after {@link #cancel()}; nothing written
	 * @throws org.pssr.train.TrainingPreemptedException after {@link #preempt()}: the state is in
	 *           {@code last.ckpt}, no model written
	 */
	public String run(final TwinDatasetOpener.Split split, final Logger log,
		final TrainingListener listener) throws IOException
	{
		trainer = new StabilityTrainer(options, split.train(), split.valid(), log, listener);
		if (finish) trainer.finishNow();
		if (cancel) trainer.cancel();
		if (preempt) trainer.preempt();
		try (TrainingResult result = trainTidily()) {
			final Network net = result.network();
			ModelBundle.save(output, net, split.normalisation(), split.train().recipe(), split.train()
				.describe(), result.record());
			return "Wrote " + output + ": " + net.architecture() + ", " + net.parameterCount() +
				" parameters, " + result.stop();
		}
	}

	/** Training that fails before its first checkpoint leaves no empty checkpoint folder behind. */
	private TrainingResult trainTidily() throws IOException {
		final Path folder = options.checkpoints();
		final boolean existed = Files.exists(folder);
		try {
			return trainer.train();
		}
		catch (final IOException | RuntimeException | Error e) {
			if (!existed) {
				try (Stream<Path> left = Files.list(folder)) {
					if (left.findAny().isEmpty()) Files.delete(folder);
				}
				catch (final IOException ignored) {
					// No folder was made, or it holds a checkpoint worth keeping.
				}
			}
			throw e;
		}
	}

	/** Stop after the current step and keep the best model so far. */
	public void finishNow() {
		finish = true;
		final StabilityTrainer t = trainer;
		if (t != null) t.finishNow();
	}

	/** Stop after the current step and write nothing. */
	public void cancel() {
		cancel = true;
		final StabilityTrainer t = trainer;
		if (t != null) t.cancel();
	}

	/**
	 * Save the state after the current step, within the epoch, and stop without a model (a cluster
	 * job about to be preempted or to reach its time limit); {@code --resume} continues it.
	 */
	public void preempt() {
		preempt = true;
		final StabilityTrainer t = trainer;
		if (t != null) t.preempt();
	}
}
