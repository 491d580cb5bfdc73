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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SLURM's commands on a login node, found on the PATH: {@code sbatch} submits scripts and reads
 * back their job ids, {@code scancel} takes back what was submitted when a later submission fails,
 * and {@code sinfo} says what the nodes of a partition have ({@link SlurmNodes}). Tests hand in a
 * PATH with stand-ins.
 */
public final class SlurmClient {

	private static final Pattern JOB_ID = Pattern.compile("(\\d+)(;\\S+)?");

	private final Path sbatch;
	private final Path scancel;
	private final Path sinfo;

	private SlurmClient(final Path sbatch, final Path scancel, final Path sinfo) {
		this.sbatch = sbatch;
		this.scancel = scancel;
		this.sinfo = sinfo;
	}

	/**
	 * The SLURM commands of {@code path} (a PATH value); {@code scancel} and {@code sinfo} may be
	 * missing.
	 *
	 * @throws IllegalArgumentException when none of its folders has {@code sbatch}
	 */
	public static SlurmClient onPath(final String path) {
		final Path sbatch = find(path, "sbatch");
		if (sbatch == null) throw new IllegalArgumentException("sbatch is not on the PATH (" + path +
			"): run this on a SLURM login node, or leave out --submit and submit the scripts there " +
			"with sbatch");
		return new SlurmClient(sbatch, find(path, "scancel"), find(path, "sinfo"));
	}

	private static Path find(final String path, final String command) {
		if (path == null) return null;
		for (final String dir : path.split(File.pathSeparator)) {
			if (dir.isEmpty()) continue;
			final Path candidate = Path.of(dir, command);
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return candidate;
		}
		return null;
	}

	/**
	 * Submits {@code script} with {@code options} before it ({@code --dependency=...}).
	 *
	 * @return the job id
	 * @throws IllegalArgumentException with sbatch's own message when it refuses the job
	 */
	public String submit(final Path script, final String... options) throws IOException {
		final List<String> command = new ArrayList<>(List.of(sbatch.toString(), "--parsable"));
		command.addAll(Arrays.asList(options));
		command.add(script.toString());
		final Answer a = run(command);
		if (a.status != 0) throw new IllegalArgumentException("sbatch refused " + script + " (exit " +
			a.status + "): " + a.out.replace('\n', ' '));
		return jobId(a.out);
	}

	/**
	 * Cancels the job {@code id}, which this run submitted.
	 *
	 * @return what went wrong, empty when the job was cancelled
	 */
	public Optional<String> cancel(final String id) throws IOException {
		if (scancel == null) return Optional.of("scancel is not on the PATH");
		final Answer a = run(List.of(scancel.toString(), id));
		return a.status == 0 ? Optional.empty() : Optional.of("scancel " + id + " failed (exit " +
			a.status + "): " + a.out.replace('\n', ' '));
	}

	/**
	 * Every node of every partition, as {@code sinfo} lists them; empty when sinfo is not on the
	 * PATH or does not answer, so that a cluster without it can still be used.
	 */
	public Optional<List<SlurmNodes.Node>> nodes() throws IOException {
		if (sinfo == null) return Optional.empty();
		final Answer a = run(List.of(sinfo.toString(), "--noheader", "--Node", "--format",
			SlurmNodes.FORMAT));
		if (a.status != 0) return Optional.empty();
		return Optional.of(SlurmNodes.parse(a.out));
	}

	private static final class Answer {

		final int status;
		final String out;

		Answer(final int status, final String out) {
			this.status = status;
			this.out = out;
		}
	}

	private static Answer run(final List<String> command) throws IOException {
		final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		final String out;
		try (InputStream in = p.getInputStream()) {
			out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
		}
		try {
			return new Answer(p.waitFor(), out);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while " + command.get(0) + " ran", e);
		}
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
