package org.pssr.train;

import java.nio.file.Path;

/**
 * Training stopped on a preemption request ({@link StabilityTrainer#preempt()}) with its state in
 * a checkpoint, from which {@code --resume} continues as if it had never stopped. No model is
 * written.
 */
public final class TrainingPreemptedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient Path checkpoint;

	TrainingPreemptedException(final Path checkpoint, final int epochsDone, final int position,
		final int samples)
	{
		super("training preempted in epoch " + (epochsDone + 1) + " after " + position + " of " +
			samples + " samples; continue with --resume " + checkpoint);
		this.checkpoint = checkpoint;
	}

	public Path checkpoint() {
		return checkpoint;
	}
}
