package org.pssr.train;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;

import org.pssr.crappify.Logger;
import org.pssr.crappify.TwinSample;
import org.pssr.crappify.io.StagedOutput;
import org.pssr.crappify.TwinSource;

/**
 * Trains a {@link Network} (the one {@link Networks} has under the options' preset) on twin samples with the {@link StabilityLoss}: AdamW, one-cycle schedule.
 * A short loop over epochs and steps; everything around it is a {@link TrainingHook}: resuming from
 * a checkpoint, validation, checkpoints, out-of-memory back-off, stopping on divergence, progress.
 * Deterministic for a given seed: epoch {@code e} visits the samples in an order drawn from (seed,
 * e), so a run resumed from {@code last.ckpt} takes the same steps as one that was never
 * interrupted.
 *
 * <p>
 * {@link #finishNow()}, {@link #cancel()} and {@link #preempt()} may be called from any thread; the
 * run stops after the current step. A preempted run (a cluster job about to be killed) saves where
 * it stands within the epoch in {@code last.ckpt}, so a resumed run loses at most one step.
 */
public final class StabilityTrainer {

	private final TrainingOptions options;
	private final TwinSource train;
	private final TwinSource valid;
	private final Logger log;
	private final TrainingListener listener;
	private volatile boolean finish;
	private volatile boolean cancel;
	private volatile boolean preempt;

	/**
	 * @param valid validation samples (epoch 0 of it is used every time); may be {@code train} itself
	 *          when nothing was held out
	 */
	public StabilityTrainer(final TrainingOptions options, final TwinSource train,
		final TwinSource valid, final Logger log, final TrainingListener listener)
	{
		if (train.size() == 0) throw new IllegalArgumentException("the training set is empty");
		if (valid.size() == 0) throw new IllegalArgumentException("the validation set is empty");
		if (valid.frames() != train.frames() || valid.scale() != train.scale()) {
			throw new IllegalArgumentException("validation and training sets differ in frames or scale");
		}
		this.options = options;
		this.train = train;
		this.valid = valid;
		this.log = log;
		this.listener = listener;
	}

	/** Stop after the current step and keep the best model so far. */
	public void finishNow() {
		finish = true;
	}

	/** Stop after the current step; {@link #train()} then throws {@link CancellationException}. */
	public void cancel() {
		cancel = true;
	}

	/**
	 * Save the state after the current step to {@code last.ckpt}, also in the middle of an epoch, and
	 * stop; {@link #train()} then throws {@link TrainingPreemptedException}. A run resumed from that
	 * checkpoint ends with the weights of one that was never stopped.
	 */
	public void preempt() {
		preempt = true;
	}

	public TrainingResult train() throws IOException {
		final Engine engine = Engines.pytorch();
		JniUtils.setGradMode(false);
		final Device device = Engines.device(options.device());
		final Architecture config = Networks.factory(options.preset()).create(train.frames(),
			train.scale());
		// Without a checkpoint folder the run still needs one for its best weights: a scratch folder.
		final StagedOutput scratch = options.checkpoints() != null ? null : StagedOutput.scratch(
			"pssr-train");
		final Path dir = scratch != null ? scratch.path() : options.checkpoints();
		final Network net = config.build(device, options.seed());
		final TrainingRun run = new TrainingRun(options, train, valid, log, listener,
			config, device, net, dir, this::stopIfAsked);
		// Order matters: validation makes the epoch's report that checkpoints and progress use, and a
		// diverged step stops the run before it is reported or saved.
		final List<TrainingHook> hooks = List.of(new ResumeFromCheckpoint(), new Validation(),
			new Checkpointing(), new DivergenceGuard(), new ProgressReports(), new OutOfMemoryBackoff());
		boolean ok = false;
		try {
			try {
				stopIfAsked();
				for (final TrainingHook h : hooks)
					h.onTrainingBegin(run);
			}
			catch (final StopRequested e) {
				throw TrainingPreemptedException.beforeFirstStep(options.resume());
			}
			for (final NDArray p : net.weights().trainable().values())
				p.setRequiresGradient(true);
			final OneCycle schedule = new OneCycle(options.learningRate());
			final StabilityLoss loss = new StabilityLoss(options.stability());
			run.epochStart = System.nanoTime();
			while (run.epoch < options.epochs() && run.stoppedEarly == null) {
				if (!epoch(run, hooks, engine, schedule, loss)) {
					for (final TrainingHook h : hooks)
						h.onPreempted(run);
					throw new TrainingPreemptedException(run.checkpoints.resolve(Checkpointing.LAST),
						run.epoch, run.position, train.size());
				}
				try {
					for (final TrainingHook h : hooks)
						h.onEpoch(run);
				}
				catch (final StopRequested e) {
					// preempted while the epoch was validated: saved after its last step, unvalidated,
					// so that the resumed run validates it as an uninterrupted one does
					run.reopenEpoch();
					for (final TrainingHook h : hooks)
						h.onPreempted(run);
					throw new TrainingPreemptedException(run.checkpoints.resolve(Checkpointing.LAST),
						run.epoch, run.position, train.size());
				}
				run.epochStart = System.nanoTime();
			}
			for (final TrainingHook h : hooks)
				h.onTrainingEnd(run);
			for (final NDArray p : net.weights().trainable().values())
				p.setRequiresGradient(false);
			ok = true;
			return new TrainingResult(net, TrainingRecord.of(run));
		}
		finally {
			if (!ok) net.close();
			if (scratch != null) scratch.close();
		}
	}

	/**
	 * The rest of the current epoch's steps, from {@link TrainingRun#position} (not 0 in a run resumed
	 * from a preemption); cut short, without counting as done, by a finish request.
	 *
	 * @return false when stopped by a preemption request, where the run stands
	 */
	private boolean epoch(final TrainingRun run, final List<TrainingHook> hooks, final Engine engine,
		final OneCycle schedule, final StabilityLoss loss)
	{
		final int n = train.size();
		final int[] order = order(n, options.seed(), run.epoch);
		while (run.position < n) {
			if (cancel) throw new CancellationException("training cancelled");
			if (preempt) {
				run.readLoss();
				return false;
			}
			if (finish) {
				run.readLoss();
				run.stoppedEarly = "finished early in epoch " + (run.epoch + 1);
				run.trainLoss = run.meanLoss();
				return true;
			}
			final int b = Math.min(run.batch, n - run.position);
			try {
				step(run, engine, loss, order, b, schedule.rate(run.progress(run.position)));
			}
			catch (final EngineException e) {
				if (hooks.stream().noneMatch(h -> h.onStepFailure(run, e))) throw e;
				continue;
			}
			run.samples = b;
			run.position += b;
			if (run.progressDue() || run.position == n) run.readLoss();
			for (final TrainingHook h : hooks)
				h.onBatch(run);
		}
		run.endEpoch();
		return true;
	}

	/**
	 * Stops the run outside a step: cancelled, by {@link CancellationException}; preempted, by
	 * {@link StopRequested}, which {@link #train()} turns into where the run stands.
	 */
	private void stopIfAsked() {
		if (cancel) throw new CancellationException("training cancelled");
		if (preempt) throw new StopRequested();
	}

	/** A preemption noticed outside a step (set-up, validation). */
	private static final class StopRequested extends RuntimeException {

		private static final long serialVersionUID = 1L;

		StopRequested() {
			super("preempted", null, false, false);
		}
	}

	private void step(final TrainingRun run, final Engine engine, final StabilityLoss loss,
		final int[] order, final int b, final double lr)
	{
		final TwinSample first = train.get(run.epoch, order[run.position]);
		final int lrSize = first.frames() * first.lrWidth() * first.lrHeight();
		final int hrSize = first.hrWidth() * first.hrHeight();
		final float[] x = new float[2 * b * lrSize];
		final float[] t = new float[b * hrSize];
		for (int i = 0; i < b; i++) {
			final TwinSample s = i == 0 ? first : checkSize(train.get(run.epoch, order[run.position + i]),
				first);
			System.arraycopy(s.x1(), 0, x, i * lrSize, lrSize);
			System.arraycopy(s.x2(), 0, x, (b + i) * lrSize, lrSize);
			System.arraycopy(s.target(), 0, t, i * hrSize, hrSize);
		}
		try (NDManager m = run.net.manager().newSubManager()) {
			final NDArray input = m.create(FloatBuffer.wrap(x), new Shape(2L * b, first.frames(), first
				.lrHeight(), first.lrWidth()));
			final NDArray target = m.create(FloatBuffer.wrap(t), new Shape(b, 1, first.hrHeight(), first
				.hrWidth()));
			final NDArray l;
			try (GradientCollector gc = engine.newGradientCollector()) {
				// Both twins in one batch: one graph, one backward, twice the work per kernel launch.
				final NDArray y = run.net.forward(input, true);
				l = loss.compute(y.get(new NDIndex("0:" + b)), y.get(new NDIndex(b + ":")), target);
				gc.backward(l);
			}
			// Outside the collector, so that the sum is no part of the next step's graph.
			run.addLoss(l);
			run.adam.step(lr);
		}
	}

	/** @return {@code s}, when it has the sizes of {@code first} (or {@code first} is null) */
	static TwinSample checkSize(final TwinSample s, final TwinSample first) {
		if (first != null && (s.lrWidth() != first.lrWidth() || s.lrHeight() != first.lrHeight() || s
			.frames() != first.frames() || s.scale() != first.scale()))
		{
			throw new IllegalArgumentException("twin samples differ in size: " + s.lrWidth() + "x" + s
				.lrHeight() + " vs " + first.lrWidth() + "x" + first.lrHeight());
		}
		return s;
	}

	/** The visiting order of epoch {@code epoch}: a shuffle drawn from (seed, epoch) alone. */
	static int[] order(final int n, final long seed, final int epoch) {
		final SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
		final int[] o = new int[n];
		for (int i = 0; i < n; i++) {
			o[i] = i;
		}
		for (int i = n - 1; i > 0; i--) {
			final int j = r.nextInt(i + 1);
			final int t = o[i];
			o[i] = o[j];
			o[j] = t;
		}
		return o;
	}
}
