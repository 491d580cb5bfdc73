package org.pssr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding SLURM's commands, and reading what they answer, with stand-ins for them; what sinfo
 * lists against what a job asks for.
 */
class SlurmClientTest {

	@TempDir
	Path dir;

	private Path fake(final String folder, final String body) throws IOException {
		return fake(folder, "sbatch", body);
	}

	private Path fake(final String folder, final String command, final String body)
		throws IOException
	{
		final Path bin = Files.createDirectories(dir.resolve(folder));
		final Path file = Files.write(bin.resolve(command), ("#!/bin/sh\n" + body).getBytes(
			StandardCharsets.UTF_8));
		file.toFile().setExecutable(true);
		return bin;
	}

	@Test
	void theFirstSbatchOnThePathSubmitsAndItsJobIdIsRead() throws IOException {
		final Path first = fake("first", "echo \"$@\" > " + dir.resolve("args") + "\necho 'sbatch: " +
			"warning: no partition given'\necho '815;cluster-a'\n");
		final Path second = fake("second", "echo 1\n");
		final SlurmClient sbatch = SlurmClient.onPath(dir.resolve("none") + ":" + first + ":" + second);
		assertEquals("815", sbatch.submit(dir.resolve("job.sbatch"), "--dependency=afterok:7"));
		assertEquals("--parsable --dependency=afterok:7 " + dir.resolve("job.sbatch"), Files
			.readAllLines(dir.resolve("args")).get(0));
		assertEquals("42", SlurmClient.jobId("42\n"));
	}

	@Test
	void aRefusalIsReportedWithSbatchsOwnWords() throws IOException {
		final SlurmClient sbatch = SlurmClient.onPath(fake("bin", "echo 'sbatch: error: invalid partition " +
			"specified: gpu' >&2\nexit 1\n").toString());
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sbatch
			.submit(dir.resolve("job.sbatch")));
		assertTrue(e.getMessage().contains("(exit 1): sbatch: error: invalid partition specified: gpu"), e
			.getMessage());
		final IllegalArgumentException garbage = assertThrows(IllegalArgumentException.class,
			() -> SlurmClient.jobId("Submitted batch job 12"));
		assertTrue(garbage.getMessage().contains("instead of a job id"), garbage.getMessage());
	}

	@Test
	void noSbatchOnThePathSaysWhatToDo() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SlurmClient
			.onPath(dir.toString()));
		assertEquals("sbatch is not on the PATH (" + dir + "): run this on a SLURM login node, or " +
			"leave out --submit and submit the scripts there with sbatch", e.getMessage());
	}

	@Test
	void scancelTakesBackAJobAndSaysWhenItCannot() throws IOException {
		fake("bin", "echo 1\n");
		fake("bin", "scancel", "echo \"$@\" > " + dir.resolve("cancelled") + "\n");
		final SlurmClient client = SlurmClient.onPath(dir.resolve("bin").toString());
		assertEquals(Optional.empty(), client.cancel("4711"));
		assertEquals(List.of("4711"), Files.readAllLines(dir.resolve("cancelled")));
		fake("refusing", "echo 1\n");
		fake("refusing", "scancel", "echo 'scancel: error: Kill job error on job id 4711' >&2\nexit 1\n");
		assertTrue(SlurmClient.onPath(dir.resolve("refusing").toString()).cancel("4711").orElseThrow()
			.contains("Kill job error"));
		assertEquals(Optional.of("scancel is not on the PATH"), SlurmClient.onPath(fake("alone", "echo 1\n")
			.toString()).cancel("4711"));
	}

	/** What sinfo --Node lists on a cluster of a small default partition and a GPU partition. */
	private static final String SINFO = "debug*|n1|4|7900|(null)|infinite\n" +
		"debug*|n2|2|3900|(null)|infinite\n" + "gpu|g1|32|256000|gpu:a100:4(S:0-1)|2-00:00:00\n" +
		"gpu|g2|64+|512000|gpu:2,gpu:v100:2|2-00:00:00\n" + "sinfo: warning: a note\n";

	@Test
	void sinfoSaysWhatTheNodesOfEachPartitionHave() throws IOException {
		fake("bin", "echo 1\n");
		fake("bin", "sinfo", "echo \"$@\" > " + dir.resolve("asked") + "\nprintf '" + SINFO.replace("\n",
			"\\n") + "'\n");
		final List<SlurmNodes.Node> nodes = SlurmClient.onPath(dir.resolve("bin").toString()).nodes()
			.orElseThrow();
		assertEquals("--noheader --Node --format %P|%N|%c|%m|%G|%l", Files.readAllLines(dir.resolve(
			"asked")).get(0));
		assertEquals(List.of("n1: 4 CPUs, 7900 MB, 0 GPUs", "n2: 2 CPUs, 3900 MB, 0 GPUs",
			"g1: 32 CPUs, 256000 MB, 4 GPUs", "g2: 64 CPUs, 512000 MB, 4 GPUs"), nodes.stream().map(
				Object::toString).collect(Collectors.toList()));
		assertEquals(Optional.empty(), SlurmClient.onPath(fake("none", "echo 1\n").toString()).nodes(),
			"without sinfo there is nothing to compare with");
	}

	@Test
	void aTaskNoNodeCanRunIsRefusedNamingTheLargestNode() {
		final List<SlurmNodes.Node> nodes = SlurmNodes.parse(SINFO);
		final SlurmJob job = new SlurmJob();
		job.cpusPerTask = 4;
		SlurmNodes.refuseImpossible(job, nodes);
		job.cpusPerTask = 8;
		assertEquals("--cpus-per-task 8: no node of partition debug can run a task like this, which " +
			"would stay pending for ever; the largest node is n1: 4 CPUs, 7900 MB, 0 GPUs",
			assertThrows(IllegalArgumentException.class, () -> SlurmNodes.refuseImpossible(job, nodes))
				.getMessage());
		job.partition = "gpu";
		SlurmNodes.refuseImpossible(job, nodes);
		job.memory = "1T";
		assertTrue(message(job, nodes).startsWith("--mem 1T: no node of partition gpu"), message(job,
			nodes));
		job.memory = "300G";
		job.gpusPerTask = 5;
		assertTrue(message(job, nodes).startsWith("--gpus-per-task 5: "), message(job, nodes));
		job.gpusPerTask = 4;
		SlurmNodes.refuseImpossible(job, nodes);
		job.time = "3-00:00:00";
		assertTrue(message(job, nodes).startsWith("--time 3-00:00:00 (the time limit of partition gpu " +
			"is 2-00:00:00)"), message(job, nodes));
		job.time = "48:00:00";
		SlurmNodes.refuseImpossible(job, nodes);
		job.partition = "debug,gpu";
		job.cpusPerTask = 64;
		SlurmNodes.refuseImpossible(job, nodes);
		job.partition = "gpu2";
		assertEquals("--partition: SLURM has no partition gpu2 (sinfo lists debug, gpu)", message(job,
			nodes));
	}

	private static String message(final SlurmJob job, final List<SlurmNodes.Node> nodes) {
		return assertThrows(IllegalArgumentException.class, () -> SlurmNodes.refuseImpossible(job,
			nodes)).getMessage();
	}

	@Test
	void gpusAreCountedInEveryGresNotation() {
		assertEquals(0, SlurmNodes.gpus("(null)"));
		assertEquals(4, SlurmNodes.gpus("gpu:a100:4(S:0-1)"));
		assertEquals(3, SlurmNodes.gpus("gpu:1,mps:100,gpu:v100:2"));
		assertEquals(1, SlurmNodes.gpus("gpu"));
	}
}
