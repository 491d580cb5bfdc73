package org.pssr.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Stops a run whose loss is no longer a number (a learning rate far too high, or broken data)
 * before it writes a model: a diverged network would be kept as "completed" otherwise.
 */
final class DivergenceGuard implements TrainingHook {

	@Override
	public void onBatch(final TrainingRun run) {
		if (Double.isFinite(run.loss)) return;
		final Path last = run.checkpoints.resolve(Checkpointing.LAST);
		throw new IllegalStateException(String.format(Locale.ROOT,
			"training diverged in epoch %d: the loss became %s (learning rate %g); no model was " +
				"written. Lower --lr%s", run.epoch + 1, run.loss, run.options.learningRate(), Files.exists(
					last) ? "; the last good state is " + last : ""));
	}
}
