package org.pssr.train;

/** Progress of a training run, called on the training thread. */
public interface TrainingListener {

	TrainingListener NONE = new TrainingListener() {};

	/** Every few steps (see {@link TrainingOptions#progressEvery}). */
	default void step(final StepProgress progress) {}

	/** After each epoch's validation. */
	default void epoch(final EpochReport report) {}

	/** Something the user should know (device chosen, batch halved, resumed, ...). */
	default void message(final String text) {}
}
