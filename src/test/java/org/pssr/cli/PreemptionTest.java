package org.pssr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.testing.CliProcess;
import org.pssr.testing.TestMovie;

/**
 * {@code pssr train} sent SIGTERM, as SLURM sends it before preempting a job or at its time limit:
 * the state after the current step is saved, in the middle of an epoch, the exit status says
 * "run me again", and {@code --resume} finishes the run. (That the resumed run ends with the
 * weights of an uninterrupted one is StabilityTrainerTest's and, through a real SLURM, SlurmTest's.)
 */
class PreemptionTest {

	@TempDir
	Path dir;

	@Test
	void sigtermSavesTheStateWithinTheEpochAndExitsWith75ThenResumeFinishes() throws Exception {
		final Path model = dir.resolve("m.pssr.zip");
		final String[] train = { "train", "--movies", TestMovie.NUCLEI.synthetic().toString(),
			"--output", model.toString(), "--scale", "2", "--tile", "32", "--samples", "44", "--epochs",
			"1", "--batch", "4", "--device", "cpu", "--progress-every", "1", "--seed", "3" };
		final Path log = dir.resolve("train.log");
		final Process p = CliProcess.start(log, Map.of(), train);
		try {
			// about 40 training samples, 10 steps an epoch: signal at step 4
			waitFor(Path.of(log + ".out"), "epoch 1/1 step 4:", p);
			p.destroy();
			assertTrue(p.waitFor(60, TimeUnit.SECONDS), "exited after SIGTERM");
		}
		finally {
			p.destroyForcibly();
		}
		final String text = read(log);
		assertEquals(ExitCodes.PREEMPTED, p.exitValue(), text);
		assertEquals(1, text.split("\n").length, "one line on stderr: " + text);
		final Matcher m = Pattern.compile("preempted in epoch 1 after (\\d+) of (\\d+) samples").matcher(
			text);
		assertTrue(m.find(), text);
		final int position = Integer.parseInt(m.group(1));
		final int samples = Integer.parseInt(m.group(2));
		assertTrue(position > 0 && position < samples, "within the epoch: " + position);
		assertTrue(text.contains("pssr: training preempted in epoch 1 after " + position + " of " +
			samples + " samples; continue with --resume "), text);
		assertFalse(Files.exists(model), "no model from a preempted run");
		final Path last = dir.resolve("m.checkpoints/last.ckpt");
		assertTrue(Files.isRegularFile(last));

		final MainRunner resumed = new MainRunner();
		final String[] resume = java.util.Arrays.copyOf(train, train.length + 2);
		resume[train.length] = "--resume";
		resume[train.length + 1] = last.toString();
		assertEquals(ExitCodes.OK, resumed.run(resume), resumed.err);
		assertTrue(resumed.out.contains("after epoch 0 and " + position + " of the " + samples +
			" samples of epoch 1"), resumed.out);
		assertTrue(Files.isRegularFile(model));
	}

	@Test
	void sigtermWhileTrainingIsSetUpStopsItBeforeItsFirstStepWith75() throws Exception {
		final Path model = dir.resolve("m.pssr.zip");
		// two million twins, half of them for validation: the bilinear baseline alone takes minutes
		final Path log = dir.resolve("setup.log");
		final Process p = CliProcess.start(log, Map.of(), "train", "--movies", TestMovie.NUCLEI
			.synthetic().toString(), "--output", model.toString(), "--scale", "2", "--tile", "16",
			"--samples", "2000000", "--validation", "0.5", "--epochs", "1", "--device", "cpu");
		try {
			// the first line is printed once SIGTERM is handled
			waitFor(Path.of(log + ".out"), "CPU", p);
			p.destroy();
			assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still setting up a minute after SIGTERM: " +
				read(Path.of(log + ".out")));
		}
		finally {
			p.destroyForcibly();
		}
		assertEquals(ExitCodes.PREEMPTED, p.exitValue(), read(log));
		assertEquals("pssr: training stopped while it was set up, before its first step; nothing new " +
			"to save: run it again", read(log).trim());
		assertFalse(read(Path.of(log + ".out")).contains("step"), "no training step");
		assertFalse(Files.exists(model), "no model");
		try (java.util.stream.Stream<Path> left = Files.list(dir)) {
			assertEquals(java.util.List.of("setup.log", "setup.log.out"), left.map(f -> f.getFileName()
				.toString()).sorted().collect(java.util.stream.Collectors.toList()), "nothing left behind");
		}
	}

	private static void waitFor(final Path log, final String line, final Process p)
		throws IOException, InterruptedException
	{
		final long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		while (System.nanoTime() < end) {
			if (read(log).contains(line)) return;
			if (!p.isAlive()) throw new AssertionError("pssr train ended before '" + line + "': " + read(
				log));
			Thread.sleep(20);
		}
		throw new AssertionError("no '" + line + "' in 3 minutes: " + read(log));
	}

	private static String read(final Path file) throws IOException {
		return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
	}
}
