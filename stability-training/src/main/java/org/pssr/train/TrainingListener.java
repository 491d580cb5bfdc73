package org.pssr.train;

/**
 * What a front end shows of a training run beyond its log lines (a loss plot, a preview, a key
 * that stops the run), called on the training thread. The lines themselves go to the run's
 * {@link org.pssr.crappify.Logger}.
 */
public interface TrainingListener {

	TrainingListener NONE = new TrainingListener() {};

	/** Every few steps (see {@link TrainingOptions#progressEvery}). */
	default void step(final StepProgress progress) {}

	/** After each epoch's validation. */
	default void epoch(final EpochReport report) {}
}
