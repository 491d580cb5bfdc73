package org.pssr.train;

import java.io.IOException;

import ai.djl.engine.EngineException;

/**
 * One concern of a training run around the trainer's short loop, in the manner of DJL's
 * {@code TrainingListener}s: resuming, validation, checkpoints, out-of-memory back-off, divergence,
 * progress. Hooks are called in the order the trainer lists them.
 */
interface TrainingHook {

	default void onTrainingBegin(final TrainingRun run) throws IOException {}

	/**
	 * After each successful step ({@link TrainingRun#samples}; {@link TrainingRun#loss} as last read
	 * from the device).
	 */
	default void onBatch(final TrainingRun run) {}

	/** After each epoch, also one cut short by a finish request. */
	default void onEpoch(final TrainingRun run) throws IOException {}

	default void onTrainingEnd(final TrainingRun run) throws IOException {}

	/** When a preemption request stops the run, possibly in the middle of an epoch. */
	default void onPreempted(final TrainingRun run) throws IOException {}

	/** @return whether the hook handled the failure and the step may be tried again */
	default boolean onStepFailure(final TrainingRun run, final EngineException e) {
		return false;
	}
}
