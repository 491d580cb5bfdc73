package org.pssr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.crappify.io.ImageJTiffWriter;
import org.pssr.crappify.io.PixelFormat;
import org.pssr.crappify.synth.SyntheticFluorescenceMovie;

/**
 * A pssr process stopped from outside, as SLURM, a user's Ctrl-C or a crash would: after SIGTERM
 * (or SIGINT) nothing unfinished is left, neither staging files, lock files nor a half output;
 * after SIGKILL, which no process can clean up after, the next run of the same command removes
 * what the killed one left and finishes. Each command is stopped at two points of its work.
 */
class KillTest {

	@TempDir
	static Path shared;

	private static Path movie;
	private static Path twins;
	private static Path model;

	@BeforeAll
	static void inputs() throws IOException {
		movie = shared.resolve("movie.tif");
		ImageJTiffWriter.save(new SyntheticFluorescenceMovie(64, 64, 24, 3), movie, PixelFormat.UINT16);
		twins = shared.resolve("twins");
		assertEquals(ExitCodes.OK, Main.run("crappify", "--input", movie.toString(), "--output", twins
			.toString(), "--scale", "2", "--tile", "32", "--samples", "24", "--threads", "1"));
		model = shared.resolve("model.pssr.zip");
		Files.copy(KillTest.class.getResourceAsStream("/org/pssr/train/legacy/format1-tiny.pssr.zip"),
			model);
	}

	private static String[] crappify(final Path out) {
		return new String[] { "crappify", "--input", movie.toString(), "--output", out.toString(),
			"--scale", "2", "--tile", "32", "--samples", "3000", "--threads", "1" };
	}

	private static String[] superres(final Path out) {
		return new String[] { "superres", "--model", model.toString(), "--input", movie.toString(),
			"--output", out.toString(), "--device", "cpu", "--tile", "32" };
	}

	private static String[] train(final Path out, final String... more) {
		final List<String> args = new ArrayList<>(List.of("train", "--data", twins.toString(),
			"--output", out.toString(), "--epochs", "3", "--batch", "2", "--device", "cpu",
			"--progress-every", "1"));
		args.addAll(List.of(more));
		return args.toArray(new String[0]);
	}

	@Test
	void crappifyStoppedLeavesNothingAndAKilledRunIsCleanedByTheNext(@TempDir final Path dir)
		throws Exception
	{
		assertStoppedLeavesNothingAndKilledIsCleaned(dir, "ds", KillTest::crappify, "twins 600/",
			"twins 300/", "twins 1200/");
	}

	@Test
	void superresStoppedLeavesNothingAndAKilledRunIsCleanedByTheNext(@TempDir final Path dir)
		throws Exception
	{
		assertStoppedLeavesNothingAndKilledIsCleaned(dir, "out.tif", KillTest::superres, "frames 5/",
			"frames 3/", "frames 8/");
	}

	/**
	 * Stops the command writing {@code output} into {@code dir} with SIGTERM at each of
	 * {@code termAt}, kills it at {@code killAt}, and then runs it to the end.
	 */
	private static void assertStoppedLeavesNothingAndKilledIsCleaned(final Path dir,
		final String output, final Function<Path, String[]> command, final String killAt,
		final String... termAt) throws Exception
	{
		final Path out = dir.resolve(output);
		for (final String at : termAt) {
			terminated(command.apply(out), at);
			assertEquals(List.of(), entries(dir), "left after SIGTERM at " + at);
		}
		killed(command.apply(out), killAt);
		assertFalse(Files.exists(out), "a killed run must not leave " + output);
		assertTrue(hidden(dir).size() > 0, "a killed run leaves its staging (no process can help it)");
		assertEquals(ExitCodes.OK, Main.run(command.apply(out)));
		assertEquals(List.of(output), entries(dir), "the next run cleans what the killed one left");
	}

	@Test
	void trainingStoppedWritesNoModelKeepsCompleteCheckpointsAndResumes(@TempDir final Path dir)
		throws Exception
	{
		final Path out = dir.resolve("m.pssr.zip");
		final Path checkpoints = dir.resolve("m.checkpoints");
		// SIGTERM is SLURM's preemption: the state after the current step is kept, exit 75 asks for a requeue
		terminated(train(out), "epoch 1/3 step 3:", ExitCodes.PREEMPTED);
		assertFalse(Files.exists(out), "a stopped training must not write a model");
		assertEquals(List.of(), hidden(dir), "staging left after SIGTERM");
		assertTrue(Files.exists(checkpoints.resolve("last.ckpt")), "the preempted state");
		terminated(train(out, "--resume", checkpoints.resolve("last.ckpt").toString()), "epoch 2/3 step",
			ExitCodes.PREEMPTED);
		assertFalse(Files.exists(out));
		assertEquals(List.of(), hidden(checkpoints), "staging left in the checkpoints");
		killed(train(out), "epoch 3/3 step");
		assertFalse(Files.exists(out));
		assertEquals(ExitCodes.OK, Main.run(train(out, "--resume", checkpoints.resolve("last.ckpt")
			.toString())));
		assertTrue(Files.exists(out), "the resumed run finishes");
		assertEquals(List.of(), hidden(dir));
		assertEquals(List.of(), hidden(checkpoints));
	}

	@Test
	void aSecondProcessWritingTheSameOutputRefusesAndTheFirstFinishes(@TempDir final Path dir)
		throws Exception
	{
		final Path out = dir.resolve("out.tif");
		final Process first = start(superres(out));
		awaitLine(first, "frames 3/");
		final MainRunner second = new MainRunner();
		assertEquals(ExitCodes.USAGE, second.run(superres(out)), second.err);
		assertTrue(second.err.contains("being written by another pssr process"), second.err);
		assertTrue(first.waitFor(120, TimeUnit.SECONDS));
		assertEquals(0, first.exitValue());
		assertEquals(List.of("out.tif"), entries(dir));
	}

	/** Runs {@code args} in a fresh JVM, sends SIGTERM once stderr shows {@code at}, waits for it. */
	private static void terminated(final String[] args, final String at) throws Exception {
		terminated(args, at, 143);
	}

	private static void terminated(final String[] args, final String at, final int status)
		throws Exception
	{
		final Process p = start(args);
		awaitLine(p, at);
		p.destroy();
		assertTrue(p.waitFor(60, TimeUnit.SECONDS), "did not stop after SIGTERM");
		assertEquals(status, p.exitValue(), "exit status after SIGTERM");
	}

	private static void killed(final String[] args, final String at) throws Exception {
		final Process p = start(args);
		awaitLine(p, at);
		p.destroyForcibly();
		assertTrue(p.waitFor(60, TimeUnit.SECONDS));
	}

	private static Process start(final String[] args) throws IOException {
		final List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"),
			"bin", "java").toString(), "-Djava.awt.headless=true", "-Dai.djl.offline=true", "-cp", System
				.getProperty("java.class.path"), Main.class.getName()));
		cmd.addAll(List.of(args));
		return new ProcessBuilder(cmd).redirectErrorStream(true).start();
	}

	/** Reads the process's output until a line contains {@code text}; fails if it ends first. */
	private static void awaitLine(final Process p, final String text) throws IOException {
		final BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
			StandardCharsets.UTF_8));
		final StringBuilder seen = new StringBuilder();
		for (String line = out.readLine(); line != null; line = out.readLine()) {
			seen.append(line).append('\n');
			if (line.contains(text)) {
				// Keep draining so the child never blocks on a full pipe.
				final Thread drain = new Thread(() -> {
					try {
						out.transferTo(java.io.Writer.nullWriter());
					}
					catch (final IOException ignored) {
						// The child is gone.
					}
				});
				drain.setDaemon(true);
				drain.start();
				return;
			}
		}
		throw new AssertionError("the process ended before printing '" + text + "':\n" + seen);
	}

	private static List<String> entries(final Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}

	private static List<String> hidden(final Path dir) throws IOException {
		if (!Files.isDirectory(dir)) return List.of();
		return entries(dir).stream().filter(n -> n.startsWith(".")).collect(Collectors.toList());
	}
}
