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

	private TrainingPreemptedException(final String message, final Path checkpoint) {
		super(message);
		this.checkpoint = checkpoint;
	}

	/**
	 * Stopped while the run was set up (the validation baseline), before any step: there is nothing
	 * new to save, and the run starts again where it was started from.
	 *
	 * @param resumed the checkpoint the run was resumed from; null for a new run
	 */
	static TrainingPreemptedException beforeFirstStep(final Path resumed) {
		return new TrainingPreemptedException("training stopped while it was set up, before its first " +
			"step; nothing new to save: run it again" + (resumed == null ? "" : " with --resume " +
				resumed), resumed);
	}

	/** The checkpoint to resume from; null when the run has to start afresh. */
	public Path checkpoint() {
		return checkpoint;
	}
}
