package org.pssr.cli;

/** The CLI's exit codes, the same for every subcommand. */
public final class ExitCodes {

	public static final int OK = 0;
	public static final int FAILURE = 1;
	public static final int USAGE = 2;
	/**
	 * Training stopped on SIGTERM (SLURM's preemption and time-limit signal) with its state saved:
	 * run it again with {@code --resume}. Sysexits' EX_TEMPFAIL, "try again later".
	 */
	public static final int PREEMPTED = 75;

	private ExitCodes() {}
}
