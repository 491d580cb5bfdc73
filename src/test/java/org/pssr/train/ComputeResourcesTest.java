package org.pssr.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/** Where PyTorch's CPU threads and the GPU come from, in and out of SLURM, and the log line. */
class ComputeResourcesTest {

	private static final Map<String, String> ARRAY_TASK = Map.of("SLURM_JOB_ID", "107",
		"SLURM_ARRAY_JOB_ID", "100", "SLURM_ARRAY_TASK_ID", "7", "SLURMD_NODENAME", "gpu03",
		"SLURM_CPUS_PER_TASK", "4", "CUDA_VISIBLE_DEVICES", "2");

	@Test
	void aSlurmTaskUsesItsCpusPerTaskAndTheGpusSlurmAllocated() {
		final ComputeResources r = new ComputeResources(ARRAY_TASK, 64, null);
		assertEquals(OptionalInt.of(4), r.threads());
		assertEquals("SLURM job 107 (array 100, task 7) on gpu03: 4 CPU threads (SLURM_CPUS_PER_TASK), " +
			"GPUs 2 (CUDA_VISIBLE_DEVICES, SLURM's allocation)", r.describe());
	}

	@Test
	void withoutCpusPerTaskTheAffinityMaskCounts() {
		final ComputeResources r = new ComputeResources(Map.of("SLURM_JOB_ID", "9",
			"SLURM_RESTART_COUNT", "2"), 3, null);
		assertEquals(OptionalInt.of(3), r.threads());
		assertEquals("SLURM job 9, restart 2: 3 CPU threads (the CPU affinity mask), no GPU allocated " +
			"(no CUDA_VISIBLE_DEVICES)", r.describe());
	}

	@Test
	void theUsersPropertyWinsAndOutsideSlurmNothingIsChanged() {
		final ComputeResources property = new ComputeResources(ARRAY_TASK, 64, "6");
		assertEquals(OptionalInt.empty(), property.threads(), "DJL applies the property itself");
		assertEquals("SLURM job 107 (array 100, task 7) on gpu03: 6 CPU threads " +
			"(-Dai.djl.pytorch.num_threads), GPUs 2 (CUDA_VISIBLE_DEVICES, SLURM's allocation)", property
				.describe());
		final ComputeResources desktop = new ComputeResources(Map.of("SLURM_CPUS_PER_TASK", "4"), 8,
			null);
		assertFalse(desktop.underSlurm(), "a leftover variable is not a job");
		assertEquals(OptionalInt.empty(), desktop.threads());
		assertEquals("not under SLURM: CPU threads as PyTorch chooses (8 CPUs available), every GPU " +
			"PyTorch sees", desktop.describe());
		assertEquals(OptionalInt.of(5), new ComputeResources(Map.of("SLURM_JOB_ID", "1",
			"SLURM_CPUS_PER_TASK", "four"), 5, null).threads(), "a value that is no number is ignored");
	}
}
