package org.pssr.train;

/**
 * Tells the run's log and listener what they need to show: the set-up, a progress line every few steps
 * (loss, samples per second, time left) and each epoch's validation.
 */
final class ProgressReports implements TrainingHook {

	private long since = System.nanoTime();
	private int samples;

	@Override
	public void onTrainingBegin(final TrainingRun run) {
		run.log.log("training " + run.config + ", " + run.net.parameterCount() +
			" parameters, on " + Engines.describe(run.device));
	}

	@Override
	public void onBatch(final TrainingRun run) {
		samples += run.samples;
		if (!run.progressDue()) return;
		final long now = System.nanoTime();
		final double rate = samples / ((now - since) / 1e9);
		final int n = run.train.size();
		final double left = (run.options.epochs() - run.epoch - 1) * (double) n + (n - run.position);
		final StepProgress p = new StepProgress(run.epoch + 1, run.options.epochs(), run.adam.steps(),
			run.loss, rate, left / rate);
		run.log.status(p.toString());
		run.listener.step(p);
		since = now;
		samples = 0;
	}

	@Override
	public void onPreempted(final TrainingRun run) {
		run.log.log("preempted in epoch " + (run.epoch + 1) + " after " + run.position + " of " + run
			.train.size() + " samples; the state is saved in " + run.checkpoints.resolve(
				Checkpointing.LAST));
	}

	@Override
	public void onEpoch(final TrainingRun run) {
		run.log.log(run.report.toString());
		run.listener.epoch(run.report);
	}
}
