package org.pssr.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@link Main} in this JVM as a shell would and keeps what it printed. */
final class MainRunner {

	String out;
	String err;

	/** The last line of standard output: the result, after the log. */
	String result() {
		final String[] lines = out.trim().split("\n");
		return lines[lines.length - 1];
	}

	/** @return the exit code */
	int run(final String... args) {
		final PrintStream stdout = System.out;
		final PrintStream stderr = System.err;
		final ByteArrayOutputStream o = new ByteArrayOutputStream();
		final ByteArrayOutputStream e = new ByteArrayOutputStream();
		try {
			System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
			return Main.run(args);
		}
		finally {
			System.setOut(stdout);
			System.setErr(stderr);
			out = o.toString(StandardCharsets.UTF_8);
			err = e.toString(StandardCharsets.UTF_8);
		}
	}
}
