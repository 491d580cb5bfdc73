package org.pssr.cli;

import java.io.PrintStream;

import org.pssr.crappify.Logger;

/** The jobs' log on a terminal: every line printed, progress about ten times per task. */
final class ConsoleLogger implements Logger {

	private final PrintStream out;
	private final String indent;

	/**
	 * The log goes to standard output with the results: standard error holds only the one line of a
	 * refusal or failure (README, Command line), which scripts and portals can show as it is.
	 */
	static ConsoleLogger stdout() {
		return new ConsoleLogger(System.out, "");
	}

	ConsoleLogger(final PrintStream out, final String indent) {
		this.out = out;
		this.indent = indent;
	}

	@Override
	public void log(final String message) {
		out.println(indent + message);
	}

	@Override
	public void status(final String message) {
		out.println(indent + message);
	}

	@Override
	public void progress(final String task, final long done, final long total) {
		if (done == total || done * 10 / total != (done - 1) * 10 / total) out.println(indent + task +
			" " + done + "/" + total);
	}
}
