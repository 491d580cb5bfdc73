package org.pssr.cli;

import static org.pssr.testing.SameMovie.assertSameMovie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.app.SlurmJob;
import org.pssr.crappify.io.ImageJTiffWriter;
import org.pssr.crappify.io.PixelFormat;
import org.pssr.crappify.synth.SyntheticFluorescenceMovie;
import org.pssr.testing.CliProcess;

/**
 * {@code pssr slurm} without a SLURM: the scripts it writes, run by bash as SLURM would run them,
 * and submitted through a stand-in sbatch that records its calls. SlurmTest submits to a real one.
 */
class SlurmCommandTest {

	@TempDir
	Path dir;

	private Path model;
	private Path movies;
	/** The CLI on one PyTorch thread, so every process computes the same floats. */
	private String launcher;

	@BeforeEach
	void modelMoviesLauncher() throws IOException, URISyntaxException {
		model = Files.copy(Paths.get(SlurmCommandTest.class.getResource(
			"/org/pssr/train/legacy/format1-tiny.pssr.zip").toURI()), dir.resolve("tiny.pssr.zip"));
		movies = Files.createDirectory(dir.resolve("movies"));
		ImageJTiffWriter.save(new SyntheticFluorescenceMovie(40, 24, 5, 1), movies.resolve("a.tif"),
			PixelFormat.UINT16);
		final List<String> words = CliProcess.launcher();
		words.add(1, "-Dai.djl.pytorch.num_threads=1");
		launcher = words.stream().map(SlurmJob::quote).collect(Collectors.joining(" "));
	}

	@Test
	void theArrayAndJoinScriptsRunByBashGiveTheMovieOfOneRun() throws Exception {
		final Path out = dir.resolve("out");
		final MainRunner cli = new MainRunner();
		assertEquals(0, cli.run("slurm", "superres", "--model", model.toString(), "--input", movies
			.toString(), "--output", out.toString(), "--chunk-frames", "2", "--cpus-per-task", "1",
			"--device", "cpu", "--tile", "32", "--partition", "gpu a", "--time", "1:00:00",
			"--sbatch=--qos=long", "--launcher", launcher), cli.err);
		final Path scripts = out.resolve("slurm");
		assertEquals("Wrote " + scripts.resolve("superres.sbatch") + " (3 tasks) and " + scripts
			.resolve("join.sbatch") + "\nSubmit with: jobid=$(sbatch --parsable " + scripts.resolve(
				"superres.sbatch") + ") && sbatch --dependency=afterok:$jobid " + scripts.resolve(
					"join.sbatch"), cli.out.trim());
		final String array = read(scripts.resolve("superres.sbatch"));
		for (final String line : new String[] { "#SBATCH --array=0-2", "#SBATCH --cpus-per-task=1",
			"#SBATCH --partition=gpu a", "#SBATCH --time=1:00:00", "#SBATCH --qos=long",
			"#SBATCH --output=" + scripts.resolve("logs/superres-%A_%a.log"), "task 0 " + movies.resolve(
				"a.tif") + " " + out.resolve("a_pssr.tif") + " 1:2", "task 2 " + movies.resolve("a.tif") +
					" " + out.resolve("a_pssr.tif") + " 5:5" })
			assertTrue(array.contains(line + "\n"), line + " in:\n" + array);
		assertFalse(array.contains("--gpus-per-task"), "no GPU asked for");
		assertEquals(0, bash(Map.of(), "-n", scripts.resolve("superres.sbatch").toString()));
		assertEquals(0, bash(Map.of(), "-n", scripts.resolve("join.sbatch").toString()));

		for (int task = 0; task < 3; task++)
			assertEquals(0, bash(Map.of("SLURM_ARRAY_TASK_ID", Integer.toString(task)), scripts.resolve(
				"superres.sbatch").toString()), "task " + task + ": " + log());
		assertEquals(0, bash(Map.of(), scripts.resolve("join.sbatch").toString()), log());
		final Path reference = dir.resolve("reference.tif");
		final List<String> one = new ArrayList<>(List.of("bash", "-c", "pssr=(" + launcher +
			") && \"${pssr[@]}\" superres --model " + model + " --input " + movies.resolve("a.tif") +
			" --output " + reference + " --device cpu --tile 32"));
		assertEquals(0, run(one, Map.of()), log());
		assertSameMovie(reference, out.resolve("a_pssr.tif"));
	}

	@Test
	void submitPutsTheJoinJobAfterTheArrayJob() throws Exception {
		final Path bin = Files.createDirectory(dir.resolve("bin"));
		final Path calls = bin.resolve("calls");
		Files.write(bin.resolve("sbatch"), ("#!/bin/sh\necho \"$@\" >> " + calls + "\n" +
			"echo 'sbatch: warning: a note first'\n" +
			"echo \"$((4000 + $(wc -l < " + calls + ")));testcluster\"\n").getBytes(
				StandardCharsets.UTF_8));
		bin.resolve("sbatch").toFile().setExecutable(true);
		final Path out = dir.resolve("out");
		final Path log = dir.resolve("submit.log");
		final Process p = CliProcess.start(log, Map.of("PATH", bin + ":" + System.getenv("PATH")),
			"slurm", "superres", "--model", model.toString(), "--input", movies.resolve("a.tif")
				.toString(), "--output", out.toString(), "--submit");
		assertTrue(p.waitFor(2, TimeUnit.MINUTES));
		assertEquals(0, p.exitValue(), read(log));
		assertTrue(read(Path.of(log + ".out")).contains("Submitted array job 4001 and join job 4002"),
			read(Path.of(log + ".out")));
		assertEquals(List.of("--parsable " + out.resolve("slurm/superres.sbatch"),
			"--parsable --dependency=afterok:4001 " + out.resolve("slurm/join.sbatch")), Files.readAllLines(
				calls));
		final String array = read(out.resolve("slurm/superres.sbatch"));
		assertTrue(array.contains("#SBATCH --array=0-0\n") && array.contains("#SBATCH --cpus-per-task=4\n"),
			array);
		assertTrue(array.contains(" --frames \"$frames\" --tile 1024 --device auto --channel 1 --bits 32\n"),
			"one tile for every task, HR 2048 px for the x2 model: " + array);
	}

	@Test
	void withoutSbatchOnThePathSubmitIsRefusedBeforeAnythingIsWritten() throws Exception {
		final Path empty = Files.createDirectory(dir.resolve("empty"));
		for (final String[] args : List.of(new String[] { "slurm", "superres", "--model", model
			.toString(), "--input", movies.toString(), "--output", dir.resolve("out").toString(),
			"--submit" }, new String[] { "slurm", "train", "--submit", "--", "--movies", movies
				.toString(), "--output", dir.resolve("m.pssr.zip").toString() }))
		{
			final Path log = dir.resolve("nosbatch.log");
			final Process p = CliProcess.start(log, Map.of("PATH", empty.toString()), args);
			assertTrue(p.waitFor(2, TimeUnit.MINUTES));
			assertEquals(ExitCodes.USAGE, p.exitValue(), read(log));
			assertEquals("pssr: sbatch is not on the PATH (" + empty + "): run this on a SLURM login " +
				"node, or leave out --submit and submit the scripts there with sbatch", read(log).trim());
		}
		assertFalse(Files.exists(dir.resolve("out")));
		assertFalse(Files.exists(dir.resolve("m.slurm")));
	}

	@Test
	void theTrainingScriptRequeuesAPreemptedRunAndResumesIt() throws Exception {
		final MainRunner cli = new MainRunner();
		final Path m = dir.resolve("m.pssr.zip");
		assertEquals(0, cli.run("slurm", "train", "--cpus-per-task", "2", "--gpus-per-task", "1",
			"--launcher", launcher, "--", "--movies", movies.toString(), "--output", m.toString(),
			"--epochs", "3"), cli.err);
		final Path script = dir.resolve("m.slurm/train.sbatch");
		final String text = read(script);
		for (final String line : new String[] { "#SBATCH --requeue", "#SBATCH --signal=B:TERM@120",
			"#SBATCH --open-mode=append", "#SBATCH --gpus-per-task=1", "#SBATCH --cpus-per-task=2",
			"checkpoint=" + dir.resolve("m.checkpoints/last.ckpt"), "if [ \"$status\" -eq 75 ]; then",
			"\tscontrol requeue \"$SLURM_JOB_ID\"" })
			assertTrue(text.contains(line + "\n"), line + " in:\n" + text);
		assertTrue(text.contains(" train --movies " + movies + " --output " + m + " --epochs 3 " +
			"\"${resume[@]}\" &\n"), text);
		assertEquals(0, bash(Map.of(), "-n", script.toString()));

		assertEquals(ExitCodes.USAGE, cli.run("slurm", "train", "--", "--movies", movies.toString(),
			"--output", m.toString(), "--resume", "x.ckpt"));
		assertTrue(cli.err.startsWith("pssr: leave out --resume: the job resumes from "), cli.err);
		assertEquals(ExitCodes.USAGE, cli.run("slurm", "train", "--", "--movies", movies.toString(),
			"--output", m.toString(), "--epoch", "3"));
		assertTrue(cli.err.startsWith("pssr: the training options after --: Unknown options: '--epoch', '3'"),
			cli.err);
	}

	private int bash(final Map<String, String> env, final String... args) throws Exception {
		final List<String> command = new ArrayList<>(List.of("bash"));
		command.addAll(List.of(args));
		return run(command, env);
	}

	private int run(final List<String> command, final Map<String, String> env) throws Exception {
		final ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(
			ProcessBuilder.Redirect.appendTo(dir.resolve("bash.log").toFile()));
		pb.environment().putAll(env);
		final Process p = pb.start();
		assertTrue(p.waitFor(3, TimeUnit.MINUTES), String.join(" ", command));
		return p.exitValue();
	}

	private String log() throws IOException {
		return read(dir.resolve("bash.log"));
	}

	private static String read(final Path file) throws IOException {
		return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
	}
}
