package org.pssr.train;

import java.util.Map;
import java.util.OptionalInt;

/**
 * The CPUs and GPUs this process was given. Under SLURM, PyTorch's CPU threads follow the job's
 * allocation ({@code SLURM_CPUS_PER_TASK}, else the CPU affinity mask SLURM set) instead of every
 * core of the node, which would compete with the other jobs there; the GPUs are the ones SLURM
 * allocated, which it passes in {@code CUDA_VISIBLE_DEVICES} and CUDA alone lets PyTorch see (its
 * {@code gpu(0)} is the first of them). {@code -Dai.djl.pytorch.num_threads} overrides the threads.
 * Outside SLURM nothing is changed.
 */
public final class ComputeResources {

	static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";

	private final Map<String, String> env;
	private final int availableProcessors;
	private final String threadsProperty;

	/**
	 * @param availableProcessors what the JVM may use: the affinity mask and cgroup limits applied
	 * @param threadsProperty the value of {@value #THREADS_PROPERTY}, or null
	 */
	ComputeResources(final Map<String, String> env, final int availableProcessors,
		final String threadsProperty)
	{
		this.env = env;
		this.availableProcessors = availableProcessors;
		this.threadsProperty = threadsProperty;
	}

	public static ComputeResources current() {
		return new ComputeResources(System.getenv(), Runtime.getRuntime().availableProcessors(), System
			.getProperty(THREADS_PROPERTY));
	}

	public boolean underSlurm() {
		return env.containsKey("SLURM_JOB_ID");
	}

	/** PyTorch's intra-op threads for this process; empty to leave them to PyTorch (and DJL). */
	public OptionalInt threads() {
		if (threadsProperty != null || !underSlurm()) return OptionalInt.empty();
		final int perTask = positive(env.get("SLURM_CPUS_PER_TASK"));
		return OptionalInt.of(perTask > 0 ? perTask : availableProcessors);
	}

	/** One line for the top of a log: which job, how many CPU threads and which GPUs, and why. */
	public String describe() {
		final StringBuilder s = new StringBuilder();
		if (underSlurm()) {
			s.append("SLURM job ").append(env.get("SLURM_JOB_ID"));
			if (env.containsKey("SLURM_ARRAY_TASK_ID")) s.append(" (array ").append(env.getOrDefault(
				"SLURM_ARRAY_JOB_ID", "?")).append(", task ").append(env.get("SLURM_ARRAY_TASK_ID")).append(
					")");
			final String restarts = env.get("SLURM_RESTART_COUNT");
			if (restarts != null && !"0".equals(restarts)) s.append(", restart ").append(restarts);
			if (env.containsKey("SLURMD_NODENAME")) s.append(" on ").append(env.get("SLURMD_NODENAME"));
			s.append(": ");
		}
		else s.append("not under SLURM: ");
		if (threadsProperty != null) s.append(threadsProperty).append(" CPU threads (-D").append(
			THREADS_PROPERTY).append(')');
		else if (!underSlurm()) s.append("CPU threads as PyTorch chooses (").append(
			availableProcessors).append(" CPUs available)");
		else if (positive(env.get("SLURM_CPUS_PER_TASK")) > 0) s.append(threads().getAsInt()).append(
			" CPU threads (SLURM_CPUS_PER_TASK)");
		else s.append(availableProcessors).append(" CPU threads (the CPU affinity mask)");
		final String gpus = env.get("CUDA_VISIBLE_DEVICES");
		if (gpus != null) s.append(", GPUs ").append(gpus.isEmpty() ? "none" : gpus).append(
			" (CUDA_VISIBLE_DEVICES").append(underSlurm() ? ", SLURM's allocation)" : ")");
		else s.append(underSlurm() ? ", no GPU allocated (no CUDA_VISIBLE_DEVICES)"
			: ", every GPU PyTorch sees");
		return s.toString();
	}

	private static int positive(final String value) {
		if (value == null) return 0;
		try {
			return Math.max(0, Integer.parseInt(value.trim()));
		}
		catch (final NumberFormatException e) {
			return 0;
		}
	}
}
