package org.pssr.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code pssr} command line: the same plain classes as the Fiji commands, for cluster nodes
 * without a display. Exit codes: 0 success, 2 bad usage or bad input, 1 unexpected failure.
 */
@Command(name = "pssr", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
	description = "Multi-frame deep-learning super-resolution of microscopy movies (PSSR).",
	subcommands = {
		CommandLine.HelpCommand.class,
		DemoCommand.class,
		SynthCommand.class,
		InfoCommand.class,
		ConvertCommand.class,
		CrappifyCommand.class,
		TrainCommand.class,
		SuperresCommand.class,
		JoinCommand.class,
		EvaluateCommand.class,
		ExportCommand.class,
		BenchCommand.class,
		SlurmCommand.class,
	})
public final class Main implements Runnable {

	@Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
		description = "Print stack traces of failures.")
	boolean debug;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	public static void main(final String[] args) {
		System.exit(run(args));
	}

	/** Runs the CLI without exiting the JVM; what tests call. */
	public static int run(final String... args) {
		final CommandLine cli = commandLine();
		return cli.execute(args);
	}

	static CommandLine commandLine() {
		final CommandLine cli = new CommandLine(new Main());
		cli.setExecutionExceptionHandler(Main::handle);
		cli.setParameterExceptionHandler((ex, a) -> {
			final PrintWriter err = ex.getCommandLine().getErr();
			err.println("pssr: " + ex.getMessage());
			err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
			return ExitCodes.USAGE;
		});
		return cli;
	}

	private static int handle(final Exception ex, final CommandLine cli,
		final CommandLine.ParseResult parsed)
	{
		final PrintWriter err = cli.getErr();
		final boolean debug = parsed.matchedOptionValue("--debug", false) ||
			parsed.asCommandLineList().stream().anyMatch(c -> c.getParseResult()
				.matchedOptionValue("--debug", false));
		if (ex instanceof UserException || ex instanceof IllegalArgumentException
			|| ex instanceof java.nio.file.FileSystemException
			|| ex instanceof org.pssr.czi.CziFormatException) {
			err.println("pssr: " + ex.getMessage());
			if (debug) ex.printStackTrace(err);
			return ExitCodes.USAGE;
		}
		err.println("pssr: unexpected failure: " + ex);
		if (debug) ex.printStackTrace(err);
		else err.println("Run again with --debug for the stack trace.");
		return ExitCodes.FAILURE;
	}

	static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			final String v = Main.class.getPackage().getImplementationVersion();
			return new String[] { "pssr-fiji " + (v == null ? "(development build)" : v) };
		}
	}
}
