package org.pssr.bench.offender;

/**
 * A deliberate violation, compiled only into the tests: the benchmark calling the CLI in its own
 * process instead of starting it as a child process.
 */
public final class BenchThatCallsTheCli {

	public static int superres(final String... args) {
		return org.pssr.cli.Main.run(args);
	}
}
