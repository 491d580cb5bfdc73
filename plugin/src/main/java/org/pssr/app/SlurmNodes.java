package org.pssr.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the nodes of a cluster have, as {@code sinfo} lists them, against what a job asks for: a
 * task no node of its partition can run would stay pending forever (SLURM's reason:
 * PartitionConfig), so {@code --submit} refuses it and names the largest node instead.
 */
public final class SlurmNodes {

	/** {@code sinfo --Node --format}: partition (* for the default), node, CPUs, MB, GRES, limit. */
	static final String FORMAT = "%P|%N|%c|%m|%G|%l";

	/** One node of one partition. */
	public static final class Node {

		final String partition;
		final boolean defaultPartition;
		final String name;
		final int cpus;
		final long megabytes;
		final int gpus;
		/** The partition's time limit in minutes; -1 for none. */
		final long limit;
		final String limitText;

		Node(final String partition, final boolean defaultPartition, final String name, final int cpus,
			final long megabytes, final int gpus, final long limit, final String limitText)
		{
			this.partition = partition;
			this.defaultPartition = defaultPartition;
			this.name = name;
			this.cpus = cpus;
			this.megabytes = megabytes;
			this.gpus = gpus;
			this.limit = limit;
			this.limitText = limitText;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%s: %d CPUs, %d MB, %d GPUs", name, cpus, megabytes, gpus);
		}
	}

	private SlurmNodes() {}

	/** The nodes in what sinfo printed with {@link #FORMAT}; lines that are not a node are skipped. */
	static List<Node> parse(final String sinfo) {
		final List<Node> nodes = new ArrayList<>();
		for (final String line : sinfo.split("\\R")) {
			final String[] f = line.trim().split("\\|", -1);
			if (f.length != 6) continue;
			try {
				final boolean isDefault = f[0].endsWith("*");
				final String partition = isDefault ? f[0].substring(0, f[0].length() - 1) : f[0];
				final String limit = f[5].trim();
				nodes.add(new Node(partition, isDefault, f[1].trim(), Integer.parseInt(number(f[2])), Long
					.parseLong(number(f[3])), gpus(f[4]), limit.equalsIgnoreCase("infinite") || limit
						.equalsIgnoreCase("unlimited") || limit.equalsIgnoreCase("n/a") ? -1 : SlurmJob.minutes(
							limit), limit));
			}
			catch (final IllegalArgumentException notANode) {
				// a warning or a line of another format
			}
		}
		return nodes;
	}

	/** sinfo marks a value that differs between the nodes of a line with '+'. */
	private static String number(final String field) {
		return field.trim().replaceAll("\\+$", "");
	}

	/** The GPUs in a GRES list: {@code gpu:4}, {@code gpu:a100:2(S:0-1)}, {@code (null)}. */
	static int gpus(final String gres) {
		int gpus = 0;
		for (final String entry : gres.trim().split(",(?![^(]*\\))")) {
			final String e = entry.replaceAll("\\(.*\\)", "");
			if (!e.startsWith("gpu")) continue;
			final String[] parts = e.split(":");
			try {
				gpus += parts.length > 1 ? Integer.parseInt(parts[parts.length - 1]) : 1;
			}
			catch (final NumberFormatException typeOnly) {
				gpus += 1;
			}
		}
		return gpus;
	}

	/**
	 * Refuses a job whose tasks no node of its partitions can run: too many CPUs, too much memory,
	 * too many GPUs, or a time limit beyond the partition's.
	 *
	 * @param nodes every node, from {@link SlurmClient#nodes()}
	 * @throws IllegalArgumentException naming the option, the partition and its largest node
	 */
	public static void refuseImpossible(final SlurmJob job, final List<Node> nodes) {
		final Set<String> partitions = new LinkedHashSet<>();
		if (job.partition != null) partitions.addAll(List.of(job.partition.split(",")));
		else nodes.stream().filter(n -> n.defaultPartition).forEach(n -> partitions.add(n.partition));
		if (partitions.isEmpty()) return; // no default partition: sbatch says what it wants
		final List<Node> candidates = nodes.stream().filter(n -> partitions.contains(n.partition))
			.collect(Collectors.toList());
		if (candidates.isEmpty()) throw new IllegalArgumentException("--partition: SLURM has no " +
			"partition " + String.join(", ", partitions) + " (sinfo lists " + nodes.stream().map(
				n -> n.partition).distinct().collect(Collectors.joining(", ")) + ")");
		final long memory = job.memory == null ? 0 : SlurmJob.megabytes(job.memory);
		final long minutes = job.time == null ? 0 : SlurmJob.minutes(job.time);
		for (final Node n : candidates)
			if (n.cpus >= job.cpusPerTask && n.megabytes >= memory && n.gpus >= job.gpusPerTask &&
				(n.limit < 0 || minutes >= 0 && minutes <= n.limit)) return;
		final Node largest = candidates.stream().max(Comparator.comparingInt((Node n) -> n.cpus)
			.thenComparingLong(n -> n.megabytes).thenComparingInt(n -> n.gpus)).get();
		final String where = "partition " + String.join(", ", partitions);
		final String asked;
		if (largest.cpus < job.cpusPerTask) asked = "--cpus-per-task " + job.cpusPerTask;
		else if (largest.megabytes < memory) asked = "--mem " + job.memory;
		else if (candidates.stream().mapToInt(n -> n.gpus).max().getAsInt() < job.gpusPerTask) asked =
			"--gpus-per-task " + job.gpusPerTask;
		else if (candidates.stream().allMatch(n -> n.limit >= 0 && (minutes < 0 || minutes > n.limit)))
			asked = "--time " + job.time + " (the time limit of " + where + " is " + largest.limitText + ")";
		else asked = "--cpus-per-task " + job.cpusPerTask + ", --mem " + job.memory +
			" and --gpus-per-task " + job.gpusPerTask + " together";
		throw new IllegalArgumentException(asked + ": no node of " + where + " can run a task like " +
			"this, which would stay pending for ever; the largest node is " + largest);
	}
}
