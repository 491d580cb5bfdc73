package org.pssr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** The pssr command line as a user runs it, for tests: checks its exit status, returns its stderr. */
final class CliRun {

	private CliRun() {}

	static String stderr(final int expectedExit, final String... args) {
		final CommandLine cli = Main.commandLine();
		final StringWriter err = new StringWriter();
		cli.setErr(new PrintWriter(err));
		assertEquals(expectedExit, cli.execute(args), err.toString());
		return err.toString();
	}
}
