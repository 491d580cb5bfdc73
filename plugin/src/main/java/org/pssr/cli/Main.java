package org.pssr.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

import org.pssr.czi.CziFormatException;
import org.pssr.train.tensorflow.TensorFlowFailure;

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
		CalibrateCommand.class,
		SimulateCommand.class,
		CrappifyCommand.class,
		TrainCommand.class,
		SuperresCommand.class,
		JoinCommand.class,
		EvaluateCommand.class,
		ExportCommand.class,
		StudyCommand.class,
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

	/**
	 * The {@code pssr} process: native libraries' warnings are kept off standard error unless
	 * {@code --debug} is given ({@link NativeStderr}).
	 */
	public static void main(final String[] args) {
		if (!java.util.Arrays.asList(args).contains("--debug")) NativeStderr.filter();
		System.exit(run(args));
	}

	/** Runs the CLI without exiting the JVM; what tests call. */
	public static int run(final String... args) {
		final CommandLine cli = commandLine();
		try {
			return cli.execute(args);
		}
		catch (final OutOfMemoryError e) {
			cli.getErr().println("pssr: failed: out of memory (" + oneLine(e.getMessage()) + "); give " +
				"Java more with PSSR_JAVA_OPTS=-Xmx..., or use a smaller --tile or --batch");
			cli.getErr().flush();
			return ExitCodes.FAILURE;
		}
	}

	static CommandLine commandLine() {
		final CommandLine cli = new CommandLine(new Main());
		RecipeHelp.addTo(cli);
		cli.setExecutionExceptionHandler(Main::handle);
		cli.setParameterExceptionHandler((ex, a) -> {
			final PrintWriter err = ex.getCommandLine().getErr();
			err.println("pssr: " + oneLine(ex.getMessage()) + " (see '" + ex.getCommandLine()
				.getCommandSpec().qualifiedName() + " --help')");
			err.flush();
			return ExitCodes.USAGE;
		});
		return cli;
	}

	private static int handle(final Exception thrown, final CommandLine cli,
		final CommandLine.ParseResult parsed)
	{
		final PrintWriter err = cli.getErr();
		final boolean debug = parsed.matchedOptionValue("--debug", false) ||
			parsed.asCommandLineList().stream().anyMatch(c -> c.getParseResult()
				.matchedOptionValue("--debug", false));
		final Exception ex = thrown instanceof UncheckedIOException ? ((UncheckedIOException) thrown)
			.getCause() : thrown;
		final boolean badInput = ex instanceof UserException || ex instanceof IllegalArgumentException ||
			ex instanceof FileSystemException || ex instanceof CziFormatException ||
			ex instanceof TensorFlowFailure;
		err.println("pssr: " + (badInput ? "" : "failed: ") + message(ex) + (badInput || debug ? ""
			: " (run again with --debug for the stack trace)"));
		if (debug) thrown.printStackTrace(err);
		err.flush();
		return badInput ? ExitCodes.USAGE : ExitCodes.FAILURE;
	}

	/** One line that names the file and says what is wrong with it. */
	static String message(final Throwable e) {
		return oneLine(raw(e));
	}

	private static String raw(final Throwable e) {
		if (e instanceof FileSystemException) {
			final FileSystemException f = (FileSystemException) e;
			final String file = f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile());
			if (f.getReason() != null) return file + ": " + f.getReason();
			if (e instanceof NoSuchFileException) return file + ": no such file or folder";
			if (e instanceof AccessDeniedException) return file + ": permission denied";
			if (e instanceof FileAlreadyExistsException) return file + ": already exists";
			if (e instanceof NotDirectoryException) return file + ": not a folder";
			if (e instanceof DirectoryNotEmptyException) return file + ": folder not empty";
			return file + ": " + e.getClass().getSimpleName();
		}
		final String m = e.getMessage();
		return m == null || m.isEmpty() ? e.toString() : m;
	}

	/**
	 * {@code text} on one line: line breaks (with the blanks around them) become one space and other
	 * control characters a visible escape, so that a message quoting a hostile value stays the one
	 * line the error contract promises.
	 */
	static String oneLine(final String text) {
		final String folded = String.valueOf(text).strip().replaceAll("\\s*\\R\\s*", " ");
		final StringBuilder s = new StringBuilder(folded.length());
		folded.codePoints().forEach(c -> {
			if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) s.append(String.format(
				java.util.Locale.ROOT, "\\u%04x", c));
			else s.appendCodePoint(c);
		});
		return s.toString();
	}

	static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			final String v = Main.class.getPackage().getImplementationVersion();
			return new String[] { "pssr-fiji " + (v == null ? "(development build)" : v) };
		}
	}
}
