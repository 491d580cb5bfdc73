package org.pssr.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Continues a run from the checkpoint {@code --resume} names: refuses one made with other settings
 * or other training data, restores the tensors, the optimiser and where the run stood (also within
 * an epoch, after a preemption), and brings
 * its {@code best.ckpt} along, so the resumed run takes exactly the steps an uninterrupted one would.
 */
final class ResumeFromCheckpoint implements TrainingHook {

	@Override
	public void onTrainingBegin(final TrainingRun run) throws IOException {
		final Path file = run.options.resume();
		if (file == null) return;
		if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no checkpoint to resume at " +
			file);
		final TrainingSnapshot saved = Checkpoint.snapshot(file);
		final List<String> differences = saved.differences(run.snapshot());
		if (!differences.isEmpty()) throw new IllegalArgumentException("cannot resume from " + file +
			": it was made with a different " + String.join(", ", differences));
		Checkpoint.restore(file, run.net, run.adam);
		run.resumeAt(saved);
		final Path best = file.resolveSibling(Checkpointing.BEST);
		final Path ownBest = run.checkpoints.resolve(Checkpointing.BEST);
		if (Files.exists(best) && !best.toAbsolutePath().normalize().equals(ownBest.toAbsolutePath()
			.normalize()))
		{
			Files.createDirectories(run.checkpoints);
			Files.copy(best, ownBest, StandardCopyOption.REPLACE_EXISTING);
		}
		run.log.log("resumed from " + file + " after epoch " + saved.epoch() + (saved.position() > 0 ?
			" and " + saved.position() + " of the " + run.train.size() + " samples of epoch " + (saved
				.epoch() + 1) : ""));
	}
}
