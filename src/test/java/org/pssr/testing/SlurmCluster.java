package org.pssr.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The running SLURM of the SLURM suite, through its own commands (scontrol, scancel). */
public final class SlurmCluster {

	/** States a job does not leave. */
	public static final Set<String> ENDED = Set.of("COMPLETED", "CANCELLED", "FAILED", "TIMEOUT",
		"NODE_FAIL", "OUT_OF_MEMORY", "PREEMPTED", "BOOT_FAIL", "DEADLINE");

	private static final Pattern FIELD = Pattern.compile("(\\w+)=(\\S*)");

	private SlurmCluster() {}

	/** One job, or one task of an array job, as {@code scontrol show job} describes it. */
	public static final class Job {

		public final String line;

		Job(final String line) {
			this.line = line;
		}

		public String get(final String field) {
			final Matcher m = FIELD.matcher(line);
			while (m.find())
				if (m.group(1).equals(field)) return m.group(2);
			return null;
		}

		public String state() {
			return get("JobState");
		}

		public String task() {
			return get("ArrayTaskId");
		}

		@Override
		public String toString() {
			return "job " + get("JobId") + (task() != null ? " task " + task() : "") + " " + state() +
				" (" + get("Reason") + ", exit " + get("ExitCode") + ", restarts " + get("Restarts") + ")";
		}
	}

	/** The job, or every task of the array job, {@code id}. */
	public static List<Job> jobs(final String id) throws IOException, InterruptedException {
		final List<Job> jobs = new ArrayList<>();
		for (final String line : run("scontrol", "show", "job", "-o", id).split("\n"))
			if (!line.trim().isEmpty()) jobs.add(new Job(line));
		return jobs;
	}

	/** Polls until {@code done} holds for the jobs of {@code id}; fails after {@code minutes}. */
	public static List<Job> waitUntil(final String id, final Predicate<List<Job>> done,
		final int minutes, final String what) throws IOException, InterruptedException
	{
		final long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
		List<Job> jobs = jobs(id);
		while (!done.test(jobs)) {
			if (System.nanoTime() > end) throw new AssertionError("no " + what + " after " + minutes +
				" minutes: " + jobs);
			Thread.sleep(250);
			jobs = jobs(id);
		}
		return jobs;
	}

	/** Until every job or task of {@code id} has ended. */
	public static List<Job> waitForEnd(final String id, final int minutes) throws IOException,
		InterruptedException
	{
		return waitUntil(id, jobs -> jobs.stream().allMatch(j -> ENDED.contains(j.state())), minutes,
			"end of job " + id);
	}

	/** Runs a SLURM command and returns its output; fails on a non-zero exit. */
	public static String run(final String... command) throws IOException, InterruptedException {
		final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		final String out;
		try (InputStream in = p.getInputStream()) {
			out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		if (p.waitFor() != 0) throw new IOException(Arrays.toString(command) + " failed: " + out);
		return out;
	}
}
