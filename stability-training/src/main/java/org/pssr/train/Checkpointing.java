package org.pssr.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code best.ckpt} whenever validation improves and {@code last.ckpt} after every complete
 * epoch (not after one cut short by a finish request, which a resume could not continue) and when
 * the run is preempted, with the position within the epoch; ends the run with the best weights.
 */
final class Checkpointing implements TrainingHook {

	static final String LAST = "last.ckpt";
	static final String BEST = "best.ckpt";

	@Override
	public void onEpoch(final TrainingRun run) throws IOException {
		final TrainingSnapshot snapshot = run.snapshot();
		if (run.report.best) Checkpoint.write(run.checkpoints.resolve(BEST), snapshot, run.net,
			run.adam);
		if (run.stoppedEarly == null) Checkpoint.write(run.checkpoints.resolve(LAST), snapshot, run.net,
			run.adam);
	}

	/** Not {@code best.ckpt}: the weights of an unfinished epoch were never validated. */
	@Override
	public void onPreempted(final TrainingRun run) throws IOException {
		Checkpoint.write(run.checkpoints.resolve(LAST), run.snapshot(), run.net, run.adam);
	}

	@Override
	public void onTrainingEnd(final TrainingRun run) throws IOException {
		final Path best = run.checkpoints.resolve(BEST);
		if (Files.exists(best)) Checkpoint.restore(best, run.net, run.adam);
	}
}
