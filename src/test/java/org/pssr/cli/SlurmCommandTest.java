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
			"--device", "cpu", "--tile", "32", "--partition", "gpu,debug", "--time", "1:00:00",
			"--sbatch=--qos=long", "--launcher", launcher), cli.err);
		final Path scripts = out.resolve("slurm");
		assertEquals("Wrote " + scripts.resolve("superres.sbatch") + " (3 tasks) and " + scripts
			.resolve("join.sbatch") + "\nSubmit with: jobid=$(sbatch --parsable " + scripts.resolve(
				"superres.sbatch") + ") && sbatch --dependency=afterok:$jobid " + scripts.resolve(
					"join.sbatch"), cli.out.trim());
		final String array = read(scripts.resolve("superres.sbatch"));
		for (final String line : new String[] { "#SBATCH --array=0-2", "#SBATCH --cpus-per-task=1",
			"#SBATCH --partition=gpu,debug", "#SBATCH --time=1:00:00", "#SBATCH --qos=long",
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

	/** Stand-ins for SLURM's commands in {@code bin}: each records its arguments in NAME.calls. */
	private Path slurmStandIns(final String sbatch, final String sinfo) throws IOException {
		final Path bin = Files.createDirectories(dir.resolve("bin"));
		final Map<String, String> bodies = Map.of("sbatch", sbatch, "sinfo", sinfo, "scancel", "");
		for (final Map.Entry<String, String> c : bodies.entrySet()) {
			final Path file = Files.write(bin.resolve(c.getKey()), ("#!/bin/sh\necho \"$@\" >> " + bin
				.resolve(c.getKey() + ".calls") + "\n" + c.getValue()).getBytes(StandardCharsets.UTF_8));
			file.toFile().setExecutable(true);
		}
		return bin;
	}

	private static List<String> calls(final Path bin, final String command) throws IOException {
		final Path file = bin.resolve(command + ".calls");
		return Files.exists(file) ? Files.readAllLines(file) : List.of();
	}

	@Test
	void aTaskNoNodeOfThePartitionCanRunIsRefusedBeforeAnythingIsWrittenOrSubmitted()
		throws Exception
	{
		final Path bin = slurmStandIns("echo 4001\n", "printf 'debug*|n1|4|7900|(null)|infinite\\n" +
			"debug*|n2|2|3900|(null)|infinite\\n'\n");
		final Path log = dir.resolve("nodes.log");
		final Process p = CliProcess.start(log, Map.of("PATH", bin + ":" + System.getenv("PATH")),
			"slurm", "superres", "--model", model.toString(), "--input", movies.toString(), "--output", dir
				.resolve("out").toString(), "--cpus-per-task", "64", "--submit");
		assertTrue(p.waitFor(2, TimeUnit.MINUTES));
		assertEquals(ExitCodes.USAGE, p.exitValue(), read(log));
		assertEquals("pssr: --cpus-per-task 64: no node of partition debug can run a task like this, " +
			"which would stay pending for ever; the largest node is n1: 4 CPUs, 7900 MB, 0 GPUs\n",
			read(log));
		assertEquals(List.of("--noheader --Node --format %P|%N|%c|%m|%G|%l"), calls(bin, "sinfo"));
		assertEquals(List.of(), calls(bin, "sbatch"), "nothing submitted");
		assertFalse(Files.exists(dir.resolve("out")), "nothing written");
	}

	@Test
	void whenTheJoinJobCannotBeSubmittedTheArrayJobIsCancelledAndTheCommandSaysSo() throws Exception {
		final Path bin = slurmStandIns("if [ \"$2\" = \"--dependency=afterok:4001\" ]; then echo " +
			"'sbatch: error: QOSMaxSubmitJobPerUserLimit' >&2; exit 1; fi\necho 4001\n", "exit 1\n");
		final Path log = dir.resolve("join.log");
		final Process p = CliProcess.start(log, Map.of("PATH", bin + ":" + System.getenv("PATH")),
			"slurm", "superres", "--model", model.toString(), "--input", movies.toString(), "--output", dir
				.resolve("out").toString(), "--submit");
		assertTrue(p.waitFor(2, TimeUnit.MINUTES));
		assertEquals(ExitCodes.USAGE, p.exitValue(), read(log));
		final String err = read(log);
		assertEquals(1, err.split("\n").length, err);
		assertTrue(err.startsWith("pssr: sbatch refused " + dir.resolve("out/slurm/join.sbatch")) && err
			.contains("QOSMaxSubmitJobPerUserLimit") && err.contains("cancelled the array job 4001 " +
				"(scancel), so nothing is left queued"), err);
		assertEquals(List.of("4001"), calls(bin, "scancel"));
		assertTrue(read(Path.of(log + ".out")).contains("note: sinfo did not answer"), "said, not hidden");
	}

	@Test
	void theSameCommandAgainReplacesNothingAndOtherScriptsNeedOverwrite() throws Exception {
		final Path out = dir.resolve("out");
		final String[] args = { "slurm", "superres", "--model", model.toString(), "--input", movies
			.toString(), "--output", out.toString(), "--launcher", launcher };
		final MainRunner cli = new MainRunner();
		assertEquals(0, cli.run(args), cli.err);
		final Path array = out.resolve("slurm/superres.sbatch");
		final java.nio.file.attribute.FileTime written = FileTimes.set(array);
		assertEquals(0, cli.run(args), cli.err);
		assertEquals(written, Files.getLastModifiedTime(array), "the same script is left as it is");
		final String before = read(array);
		final String[] other = java.util.Arrays.copyOf(args, args.length + 2);
		other[args.length] = "--time";
		other[args.length + 1] = "2:00:00";
		assertEquals(ExitCodes.USAGE, cli.run(other));
		assertTrue(cli.err.contains(array + " is a batch script pssr wrote before; add --overwrite"),
			cli.err);
		assertEquals(before, read(array));
		final String[] replacing = java.util.Arrays.copyOf(other, other.length + 1);
		replacing[other.length] = "--overwrite";
		assertEquals(0, cli.run(replacing), cli.err);
		assertTrue(read(array).contains("#SBATCH --time=2:00:00\n") && read(array).contains(
			" --overwrite\n"), "the tasks may replace earlier parts too: " + read(array));
		assertTrue(read(out.resolve("slurm/join.sbatch")).contains("join --output \"$output\" --overwrite"));
	}

	@Test
	void thePrintedCommandsAreQuotedSoThatPastingThemDoesWhatTheySay() throws Exception {
		final Path scripts = dir.resolve("s $(touch PASTED) `touch TOO`; x");
		final MainRunner cli = new MainRunner();
		assertEquals(0, cli.run("slurm", "superres", "--model", model.toString(), "--input", movies
			.toString(), "--output", dir.resolve("out").toString(), "--scripts", scripts.toString()), cli.err);
		final String submit = cli.result();
		assertTrue(submit.startsWith("Submit with: "), cli.out);
		final Path bin = slurmStandIns("echo 4001\n", "");
		assertEquals(0, run(List.of("bash", "-c", submit.substring("Submit with: ".length())), Map.of(
			"PATH", bin + ":" + System.getenv("PATH"))), log());
		assertFalse(Files.exists(dir.resolve("PASTED")) || Files.exists(dir.resolve("TOO")) || Files
			.exists(Path.of("PASTED")), "pasting ran a command");
		assertEquals(List.of("--parsable " + scripts.resolve("superres.sbatch"),
			"--dependency=afterok:4001 " + scripts.resolve("join.sbatch")), calls(bin, "sbatch"));

		assertEquals(0, cli.run("slurm", "train", "--scripts", scripts.resolve("t").toString(), "--",
			"--movies", movies.toString(), "--output", dir.resolve("m.pssr.zip").toString()), cli.err);
		assertEquals("Submit with: sbatch " + SlurmJob.quote(scripts.resolve("t/train.sbatch").toString()),
			cli.result());
	}

	/** Modification times set into the past, so that a file written again shows it. */
	private static final class FileTimes {

		static java.nio.file.attribute.FileTime set(final Path file) throws IOException {
			final java.nio.file.attribute.FileTime past = java.nio.file.attribute.FileTime.fromMillis(
				1_000_000_000L);
			Files.setLastModifiedTime(file, past);
			return past;
		}
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
