package org.pssr.cli;

/** The CLI's exit codes, the same for every subcommand. */
public final class ExitCodes {

	public static final int OK = 0;
	public static final int FAILURE = 1;
	public static final int USAGE = 2;

	private ExitCodes() {}
}
