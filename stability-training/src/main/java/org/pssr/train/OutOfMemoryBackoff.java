package org.pssr.train;

import ai.djl.engine.EngineException;

/** Halves the batch when the device runs out of memory, down to one sample, and says so. */
final class OutOfMemoryBackoff implements TrainingHook {

	@Override
	public boolean onStepFailure(final TrainingRun run, final EngineException e) {
		if (!Engines.isOutOfMemory(e) || run.batch == 1) return false;
		run.batch = Math.max(1, run.batch / 2);
		run.adam.clearGradients();
		run.log.log("out of memory on " + run.device + ": batch halved to " + run.batch +
			", retrying");
		return true;
	}
}
