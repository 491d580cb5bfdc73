package org.pssr.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pssr.crappify.io.StagedOutput;

/**
 * What every pssr batch script asks SLURM for and how it runs pssr: the {@code #SBATCH} lines, the
 * launcher, and the shell quoting, so that the scripts {@link SlurmSuperres} and
 * {@link SlurmTrain} write stay readable and safe for any path.
 * <p>
 * One rule for every value that enters a script ({@link #check()}): a value SLURM reads in an
 * {@code #SBATCH} line must be one SLURM accepts (a time limit, a memory size, a partition or
 * account name, an option name with a plain value), and anything else is written as single-quoted
 * shell words; what fits neither is refused before anything is written. A script then runs only
 * the launcher with the arguments asked for, whatever the values held.
 */
public final class SlurmJob {

	private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");
	/** SLURM's time limit formats; the numbers are bounded so that they cannot overflow. */
	private static final Pattern TIME = Pattern.compile(
		"(?:(\\d{1,5})-(\\d{1,5})(?::(\\d{1,5})(?::(\\d{1,5}))?)?)|(?:(\\d{1,7})(?::(\\d{1,5})(?::(\\d{1,5}))?)?)");
	private static final Pattern MEMORY = Pattern.compile("(\\d{1,12})([KMGTkmgt]?)");
	/** A partition or account: what SLURM's names hold; a partition may be a list. */
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
	private static final Pattern OPTION = Pattern.compile("--([a-z][a-z0-9-]{0,40})(?:=([A-Za-z0-9_.,:@%+/=-]{1,200}))?");
	/**
	 * {@code #SBATCH} options a script may not be given: those pssr sets itself (or has an option
	 * for), and those that would make the job run something other than the script or change what
	 * it runs with.
	 */
	private static final Set<String> RESERVED = Set.of("array", "chdir", "output", "error", "input",
		"job-name", "open-mode", "signal", "requeue", "dependency", "partition", "account", "time",
		"mem", "cpus-per-task", "gpus-per-task", "wrap", "export", "export-file", "get-user-env",
		"container", "container-id", "uid", "gid", "bb", "bbf", "propagate", "parsable", "test-only",
		"wait", "hold");

	/**
	 * Shell words that start the pssr command line, as typed at a prompt: the {@code pssr} script,
	 * or Java with Fiji's jars ({@code README}, Cluster). Split by {@link #words(String)}.
	 */
	public String launcher = "pssr";
	/** Null where the cluster's default applies. */
	public String partition;
	public String account;
	public String time;
	public String memory;
	public int cpusPerTask = 1;
	public int gpusPerTask;
	/** More {@code #SBATCH} options, each as sbatch takes it ({@code --qos=long}). */
	public List<String> extra = new ArrayList<>();
	/** Where jobs start, so that relative paths mean what they meant when the script was written. */
	public Path workingDirectory = Path.of("").toAbsolutePath();

	/**
	 * Refuses, naming the option, every value SLURM or the shell could read as more than it is.
	 *
	 * @throws IllegalArgumentException for the first such value
	 */
	public void check() {
		words(launcher);
		if (cpusPerTask < 1) throw new IllegalArgumentException("--cpus-per-task must be at least 1, not " +
			cpusPerTask);
		if (gpusPerTask < 0) throw new IllegalArgumentException("--gpus-per-task must be 0 or more, not " +
			gpusPerTask);
		if (partition != null) names("--partition", partition, true);
		if (account != null) names("--account", account, false);
		if (time != null) minutes(time);
		if (memory != null) megabytes(memory);
		for (final String option : extra) {
			final Matcher m = OPTION.matcher(option);
			if (!m.matches()) throw new IllegalArgumentException("--sbatch: " + shown(option) +
				" is not an sbatch option of the form --name or --name=value with a plain value " +
				"(letters, digits and _ . , : @ % + / = -), e.g. --qos=long");
			if (RESERVED.contains(m.group(1))) throw new IllegalArgumentException("--sbatch: " + shown(
				option) + " is not allowed: pssr sets --" + m.group(1) + " itself or has an option " +
				"for it, or it would make the job run something else");
		}
		sbatchValue("the working folder", workingDirectory.toString());
	}

	private static void names(final String option, final String value, final boolean list) {
		final String[] names = list ? value.split(",", -1) : new String[] { value };
		for (final String name : names)
			if (!NAME.matcher(name).matches()) throw new IllegalArgumentException(option + ": " + shown(
				value) + " is not a SLURM " + option.substring(2) + " name (letters, digits, _ . -" + (list
					? "; several separated by commas" : "") + ")");
	}

	/**
	 * A time limit as SLURM takes it, in minutes: MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS,
	 * or -1 for {@code infinite}/{@code UNLIMITED}.
	 *
	 * @throws IllegalArgumentException for anything else, naming {@code --time}
	 */
	public static long minutes(final String time) {
		final String t = time.toLowerCase(Locale.ROOT);
		if (t.equals("infinite") || t.equals("unlimited")) return -1;
		final Matcher m = TIME.matcher(time);
		if (!m.matches()) throw new IllegalArgumentException("--time: " + shown(time) + " is not a " +
			"SLURM time limit (MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS or UNLIMITED)");
		final long seconds;
		if (m.group(1) != null) seconds = ((number(m, 1) * 24 + number(m, 2)) * 60 + number(m, 3)) *
			60 + number(m, 4);
		else if (m.group(7) != null) seconds = (number(m, 5) * 60 + number(m, 6)) * 60 + number(m, 7);
		else seconds = number(m, 5) * 60 + number(m, 6);
		return (seconds + 59) / 60;
	}

	private static long number(final Matcher m, final int group) {
		return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
	}

	/**
	 * A memory size as SLURM takes it, in megabytes: a number with K, M, G or T, or plain megabytes.
	 *
	 * @throws IllegalArgumentException for anything else, naming {@code --mem}
	 */
	public static long megabytes(final String memory) {
		final Matcher m = MEMORY.matcher(memory);
		if (!m.matches()) throw new IllegalArgumentException("--mem: " + shown(memory) + " is not a " +
			"SLURM memory size (a number of megabytes, or with K, M, G or T: 500M, 16G, 1T)");
		final long n = Long.parseLong(m.group(1));
		switch (m.group(2).toUpperCase(Locale.ROOT)) {
			case "K":
				return (n + 1023) / 1024;
			case "G":
				return n * 1024;
			case "T":
				return n * 1024 * 1024;
			default:
				return n;
		}
	}

	/**
	 * The shell words of a command typed at a prompt, split as POSIX shells split them (blanks
	 * between words, single quotes, double quotes with {@code \"}, {@code \\}, {@code \$} and
	 * {@code \`} escapes, backslash escapes outside quotes), refusing whatever a shell would expand
	 * or run: an unquoted metacharacter ({@code | & ; < > ( ) ! #}, a line break), a glob or tilde,
	 * {@code $} and backquotes outside single quotes, and control characters anywhere.
	 *
	 * @throws IllegalArgumentException naming {@code --launcher}
	 */
	public static List<String> words(final String command) {
		final List<String> words = new ArrayList<>();
		StringBuilder word = null;
		for (int i = 0; i < command.length(); i++) {
			final char c = command.charAt(i);
			if (Character.isISOControl(c) && c != '\t') throw launcher(command, "holds a control " +
				"character or a line break");
			if (c == ' ' || c == '\t') {
				if (word != null) words.add(word.toString());
				word = null;
				continue;
			}
			if (word == null) word = new StringBuilder();
			if (c == '\'') {
				final int end = command.indexOf('\'', i + 1);
				if (end < 0) throw launcher(command, "has a single quote that is not closed");
				word.append(command, i + 1, end);
				i = end;
			}
			else if (c == '"') {
				i = doubleQuoted(command, i + 1, word);
			}
			else if (c == '\\') {
				if (i + 1 == command.length()) throw launcher(command, "ends with a backslash");
				word.append(command.charAt(++i));
			}
			else if ("|&;<>()!#$`*?[]{}~".indexOf(c) >= 0) throw launcher(command, "has an unquoted '" +
				c + "', which the shell would expand or run (quote it, and give paths in full)");
			else word.append(c);
		}
		if (word != null) words.add(word.toString());
		if (words.isEmpty()) throw new IllegalArgumentException("--launcher: the command that runs " +
			"pssr is empty");
		return words;
	}

	/** Reads a double-quoted string from {@code from} into {@code word}; returns the closing quote. */
	private static int doubleQuoted(final String command, final int from, final StringBuilder word) {
		for (int i = from; i < command.length(); i++) {
			final char c = command.charAt(i);
			if (c == '"') return i;
			if (c == '$' || c == '`') throw launcher(command, "has a '" + c + "' in double quotes, " +
				"which the shell would expand (use single quotes)");
			if (c == '\\' && i + 1 < command.length() && "\"\\$`".indexOf(command.charAt(i + 1)) >= 0) {
				word.append(command.charAt(++i));
			}
			else word.append(c);
		}
		throw launcher(command, "has a double quote that is not closed");
	}

	private static IllegalArgumentException launcher(final String command, final String reason) {
		return new IllegalArgumentException("--launcher: " + shown(command) + " " + reason);
	}

	/** A user's value in a message: quoted, with line breaks and other control characters visible. */
	static String shown(final String value) {
		final StringBuilder s = new StringBuilder("'");
		value.codePoints().forEach(c -> {
			if (c == '\n') s.append("\\n");
			else if (Character.isISOControl(c)) s.append(String.format(Locale.ROOT, "\\u%04x", c));
			else s.appendCodePoint(c);
		});
		return s.append('\'').toString();
	}

	/**
	 * The {@code #SBATCH} lines of a job named {@code name} logging to {@code log}.
	 *
	 * @param compute whether the job runs a model: else it gets one CPU and no GPU
	 */
	String header(final String name, final Path log, final boolean compute) {
		final StringBuilder s = new StringBuilder();
		line(s, "--job-name=" + name);
		line(s, "--chdir=" + sbatchValue("the working folder", workingDirectory.toString()));
		line(s, "--output=" + sbatchValue("the log folder", log.toString()));
		line(s, "--cpus-per-task=" + (compute ? cpusPerTask : 1));
		if (compute && gpusPerTask > 0) line(s, "--gpus-per-task=" + gpusPerTask);
		if (partition != null) line(s, "--partition=" + partition);
		if (account != null) line(s, "--account=" + account);
		if (time != null) line(s, "--time=" + time);
		if (memory != null) line(s, "--mem=" + memory);
		for (final String option : extra)
			line(s, option);
		return s.toString();
	}

	/** The launcher as a bash array of quoted words, so "${pssr[@]}" runs exactly those words. */
	String launcherArray() {
		final StringBuilder s = new StringBuilder("pssr=(");
		final List<String> words = words(launcher);
		for (int i = 0; i < words.size(); i++)
			s.append(i == 0 ? "" : " ").append(quote(words.get(i)));
		return s.append(")\n").toString();
	}

	private static void line(final StringBuilder s, final String option) {
		s.append("#SBATCH ").append(option).append('\n');
	}

	/** A value in an {@code #SBATCH} line, which sbatch reads with double quotes but no escapes. */
	private static String sbatchValue(final String what, final String value) {
		if (PLAIN.matcher(value).matches()) return value;
		if (value.contains("\"") || value.chars().anyMatch(Character::isISOControl))
			throw new IllegalArgumentException("sbatch cannot take " + what + " " + shown(value) +
				" (it has a double quote, a line break or another control character)");
		return "\"" + value + "\"";
	}

	/**
	 * Refuses a path a script names: a line break in it would end a comment line of the script and
	 * could not be given to sbatch.
	 */
	static Path scriptPath(final String what, final Path path) {
		if (path.toString().chars().anyMatch(Character::isISOControl)) throw new IllegalArgumentException(
			what + " " + shown(path.toString()) + " has a line break or another control character, " +
				"which a batch script cannot name safely; rename it");
		return path;
	}

	/**
	 * {@code word} as one shell word: as it is when that is safe, else in single quotes.
	 *
	 * @throws IllegalArgumentException for a NUL character, which no program can be given
	 */
	public static String quote(final String word) {
		if (PLAIN.matcher(word).matches()) return word;
		if (word.indexOf('\0') >= 0) throw new IllegalArgumentException(shown(word) + " holds a NUL " +
			"character, which no program can be given as an argument");
		return "'" + word.replace("'", "'\\''") + "'";
	}

	static String quote(final Path path) {
		return quote(path.toString());
	}

	/** A script to write: its file and its text. */
	static final class Script {

		final Path file;
		final String text;

		Script(final Path file, final String text) {
			this.file = file;
			this.text = text;
		}

		/** Whether the file holds this text already: writing it again would replace nothing. */
		boolean written() {
			try {
				return Files.isRegularFile(file) && !Files.isSymbolicLink(file) && new String(Files
					.readAllBytes(file), StandardCharsets.UTF_8).equals(text);
			}
			catch (final IOException unreadable) {
				return false;
			}
		}
	}

	/**
	 * Writes executable scripts, each atomically, and the folder for their logs, once every script
	 * passed {@code rule}: a script that holds the same text already is left as it is (the same
	 * command run again), an earlier script of pssr's is replaced only with {@code --overwrite}, and
	 * nothing else ever.
	 */
	static void write(final OutputRule rule, final Path logs, final Script... scripts)
		throws IOException
	{
		final List<Script> changed = new ArrayList<>();
		for (final Script script : scripts)
			if (!script.written()) {
				rule.check("--scripts", script.file, OutputRule.Kind.SCRIPT);
				changed.add(script);
			}
		Files.createDirectories(logs);
		for (final Script script : changed) {
			try (StagedOutput staged = StagedOutput.file(script.file)) {
				Files.write(staged.path(), script.text.getBytes(StandardCharsets.UTF_8));
				try {
					Files.setPosixFilePermissions(staged.path(), PosixFilePermissions.fromString("rwxr-xr-x"));
				}
				catch (final UnsupportedOperationException notPosix) {
					// sbatch reads the script itself; the execute bit is only a convenience
				}
				staged.commit();
			}
		}
	}
}
