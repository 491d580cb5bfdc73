package org.pssr.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The {@code pssr} command line in a JVM of its own, with the tests' class path: what a cluster job
 * runs, and what a test needs to send it signals or give it another environment.
 */
public final class CliProcess {

	private CliProcess() {}

	/**
	 * The class path of the tests. Surefire starts them through a manifest-only jar, so the JVM's own
	 * {@code java.class.path} may list only that jar; surefire passes the real one beside it.
	 */
	public static String classPath() {
		final String cp = System.getProperty("surefire.test.class.path");
		return cp != null && !cp.isEmpty() ? cp : System.getProperty("java.class.path");
	}

	public static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** {@code java ... org.pssr.cli.Main}: the words before the subcommand. */
	public static List<String> launcher() {
		return new ArrayList<>(Arrays.asList(java(), "-Xmx1g", "-Djava.awt.headless=true",
			"-Dai.djl.offline=true", "-cp", classPath(), "org.pssr.cli.Main"));
	}

	/** Starts {@code pssr args} with standard error into {@code log} and {@code env} added. */
	public static Process start(final Path log, final Map<String, String> env, final String... args)
		throws IOException
	{
		final List<String> command = launcher();
		command.addAll(Arrays.asList(args));
		final ProcessBuilder pb = new ProcessBuilder(command).redirectError(log.toFile())
			.redirectOutput(ProcessBuilder.Redirect.appendTo(new File(log + ".out")));
		pb.environment().putAll(env);
		return pb.start();
	}
}
