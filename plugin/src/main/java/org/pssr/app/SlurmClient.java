package org.pssr.app;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SLURM's {@code sbatch}, found on the PATH, submitting scripts and reading back their job ids. */
public final class Sbatch {

	private static final Pattern JOB_ID = Pattern.compile("(\\d+)(;\\S+)?");

	private final Path executable;

	private Sbatch(final Path executable) {
		this.executable = executable;
	}

	/**
	 * The {@code sbatch} of {@code path} (a PATH value).
	 *
	 * @throws IllegalArgumentException when none of its folders has one
	 */
	public static Sbatch onPath(final String path) {
		if (path != null) {
			for (final String dir : path.split(File.pathSeparator)) {
				if (dir.isEmpty()) continue;
				final Path candidate = Path.of(dir, "sbatch");
				if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return new Sbatch(
					candidate);
			}
		}
		throw new IllegalArgumentException("sbatch is not on the PATH (" + path + "): run this on a " +
			"SLURM login node, or leave out --submit and submit the scripts there with sbatch");
	}

	/**
	 * Submits {@code script} with {@code options} before it ({@code --dependency=...}).
	 *
	 * @return the job id
	 * @throws IllegalArgumentException with sbatch's own message when it refuses the job
	 */
	public String submit(final Path script, final String... options) throws IOException {
		final List<String> command = new ArrayList<>(List.of(executable.toString(), "--parsable"));
		command.addAll(Arrays.asList(options));
		command.add(script.toString());
		final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		final String out;
		try (InputStream in = p.getInputStream()) {
			out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
		}
		final int status;
		try {
			status = p.waitFor();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while sbatch ran", e);
		}
		if (status != 0) throw new IllegalArgumentException("sbatch refused " + script + " (exit " +
			status + "): " + out.replace('\n', ' '));
		return jobId(out);
	}

	/**
	 * The job id in what {@code sbatch --parsable} prints: {@code ID} or {@code ID;CLUSTER}, after
	 * any warnings it printed first.
	 */
	static String jobId(final String parsable) {
		final String[] lines = parsable.trim().split("\\R");
		final Matcher m = JOB_ID.matcher(lines[lines.length - 1].trim());
		if (!m.matches()) throw new IllegalArgumentException("sbatch answered '" + parsable +
			"' instead of a job id");
		return m.group(1);
	}
}
