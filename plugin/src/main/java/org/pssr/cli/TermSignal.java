package org.pssr.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM, SLURM's signal that a job is about to be preempted or to reach its time limit (and what
 * {@code scancel} and {@code kill} send), turned into a call instead of the JVM's exit, for as long
 * as the returned handle is open. There is no other way in Java to outlive SIGTERM long enough to
 * save state; {@code sun.misc.Signal} is in every JDK (module jdk.unsupported).
 */
final class TermSignal implements AutoCloseable {

	private static final Signal TERM = new Signal("TERM");

	private final SignalHandler previous;

	private TermSignal(final Runnable action) {
		previous = Signal.handle(TERM, s -> action.run());
	}

	static TermSignal onTerm(final Runnable action) {
		return new TermSignal(action);
	}

	@Override
	public void close() {
		Signal.handle(TERM, previous);
	}
}
