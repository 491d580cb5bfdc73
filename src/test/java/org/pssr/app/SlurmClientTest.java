package org.pssr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding sbatch, and reading what it answers, with stand-ins for it. */
class SbatchTest {

	@TempDir
	Path dir;

	private Path fake(final String folder, final String body) throws IOException {
		final Path bin = Files.createDirectories(dir.resolve(folder));
		final Path sbatch = Files.write(bin.resolve("sbatch"), ("#!/bin/sh\n" + body).getBytes(
			StandardCharsets.UTF_8));
		sbatch.toFile().setExecutable(true);
		return bin;
	}

	@Test
	void theFirstSbatchOnThePathSubmitsAndItsJobIdIsRead() throws IOException {
		final Path first = fake("first", "echo \"$@\" > " + dir.resolve("args") + "\necho 'sbatch: " +
			"warning: no partition given'\necho '815;cluster-a'\n");
		final Path second = fake("second", "echo 1\n");
		final Sbatch sbatch = Sbatch.onPath(dir.resolve("none") + ":" + first + ":" + second);
		assertEquals("815", sbatch.submit(dir.resolve("job.sbatch"), "--dependency=afterok:7"));
		assertEquals("--parsable --dependency=afterok:7 " + dir.resolve("job.sbatch"), Files
			.readAllLines(dir.resolve("args")).get(0));
		assertEquals("42", Sbatch.jobId("42\n"));
	}

	@Test
	void aRefusalIsReportedWithSbatchsOwnWords() throws IOException {
		final Sbatch sbatch = Sbatch.onPath(fake("bin", "echo 'sbatch: error: invalid partition " +
			"specified: gpu' >&2\nexit 1\n").toString());
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sbatch
			.submit(dir.resolve("job.sbatch")));
		assertTrue(e.getMessage().contains("(exit 1): sbatch: error: invalid partition specified: gpu"), e
			.getMessage());
		final IllegalArgumentException garbage = assertThrows(IllegalArgumentException.class,
			() -> Sbatch.jobId("Submitted batch job 12"));
		assertTrue(garbage.getMessage().contains("instead of a job id"), garbage.getMessage());
	}

	@Test
	void noSbatchOnThePathSaysWhatToDo() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sbatch
			.onPath(dir.toString()));
		assertEquals("sbatch is not on the PATH (" + dir + "): run this on a SLURM login node, or " +
			"leave out --submit and submit the scripts there with sbatch", e.getMessage());
	}
}
