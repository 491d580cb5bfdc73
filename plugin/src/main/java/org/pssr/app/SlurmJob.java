package org.pssr.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What every pssr batch script asks SLURM for and how it runs pssr: the {@code #SBATCH} lines, the
 * launcher, and the shell quoting, so that the scripts {@link SlurmSuperres} and
 * {@link SlurmTrain} write stay readable and safe for any path.
 */
public final class SlurmJob {

	private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

	/**
	 * Shell words that start the pssr command line, as typed at a prompt: the {@code pssr} script,
	 * or Java with Fiji's jars ({@code README}, Cluster).
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

	void check() {
		if (launcher == null || launcher.trim().isEmpty()) throw new IllegalArgumentException(
			"the launcher (the command that runs pssr) is empty");
		if (cpusPerTask < 1) throw new IllegalArgumentException("--cpus-per-task must be at least 1, not " +
			cpusPerTask);
		if (gpusPerTask < 0) throw new IllegalArgumentException("--gpus-per-task must be 0 or more, not " +
			gpusPerTask);
		for (final String option : extra)
			if (!option.startsWith("-") || option.contains("\n")) throw new IllegalArgumentException(
				"'" + option + "' is not an sbatch option (e.g. --qos=long)");
	}

	/**
	 * The {@code #SBATCH} lines of a job named {@code name} logging to {@code log}.
	 *
	 * @param compute whether the job runs a model: else it gets one CPU and no GPU
	 */
	String header(final String name, final Path log, final boolean compute) {
		final StringBuilder s = new StringBuilder();
		line(s, "--job-name=" + name);
		line(s, "--chdir=" + sbatchValue(workingDirectory.toString()));
		line(s, "--output=" + sbatchValue(log.toString()));
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

	/** The launcher as a bash array, so "${pssr[@]}" runs it with the words it was given. */
	String launcherArray() {
		return "pssr=(" + launcher.trim() + ")\n";
	}

	private static void line(final StringBuilder s, final String option) {
		s.append("#SBATCH ").append(option).append('\n');
	}

	/** A value in an {@code #SBATCH} line, which sbatch reads with double quotes but no escapes. */
	private static String sbatchValue(final String value) {
		if (PLAIN.matcher(value).matches()) return value;
		if (value.contains("\"") || value.contains("\n")) throw new IllegalArgumentException(
			"sbatch cannot take the path " + value + " (it has a double quote or a line break)");
		return "\"" + value + "\"";
	}

	/** {@code word} as one shell word: as it is when that is safe, else in single quotes. */
	public static String quote(final String word) {
		if (PLAIN.matcher(word).matches()) return word;
		return "'" + word.replace("'", "'\\''") + "'";
	}

	static String quote(final Path path) {
		return quote(path.toString());
	}

	/** Writes an executable script. */
	static Path write(final Path file, final String text) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.write(file, text.getBytes(StandardCharsets.UTF_8));
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
		catch (final UnsupportedOperationException notPosix) {
			// sbatch reads the script itself; the execute bit is only a convenience
		}
		return file;
	}
}
