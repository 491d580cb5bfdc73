package org.pssr.cli;

import static org.pssr.testing.SameMovie.assertSameMovie;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

import com.google.gson.JsonObject;

import ai.djl.Device;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.app.SlurmJob;
import org.pssr.crappify.Normalisation;
import org.pssr.crappify.io.ImageJTiffWriter;
import org.pssr.crappify.io.PixelFormat;
import org.pssr.crappify.synth.SyntheticFluorescenceMovie;
import org.pssr.testing.CliProcess;
import org.pssr.testing.SlurmCluster;
import org.pssr.testing.SlurmCluster.Job;
import org.pssr.testing.TestMovie;
import org.pssr.train.ModelBundle;
import org.pssr.train.UNet;
import org.pssr.train.UNetConfig;

/**
 * The SLURM suite ({@code mvn -Pslurm test}, on the one-node cluster of {@code .ci/slurm start}):
 * the jobs {@code pssr slurm} writes, submitted through the real sbatch, against single processes
 * run on as many threads (one: each task gets one CPU, and PyTorch's floats depend on the thread
 * count).
 */
@Tag("slurm")
class SlurmTest {

	@TempDir
	Path dir;

	private static final Pattern SUBMITTED = Pattern.compile(
		"Submitted array job (\\d+) and join job (\\d+)");

	@Test
	void twoMoviesInFiveChunksJoinToTheMoviesOfSingleRuns() throws Exception {
		final Path model = Files.copy(Paths.get(SlurmTest.class.getResource(
			"/org/pssr/train/legacy/format1-tiny.pssr.zip").toURI()), dir.resolve("tiny.pssr.zip"));
		final Path movies = Files.createDirectory(dir.resolve("movies"));
		ImageJTiffWriter.save(new SyntheticFluorescenceMovie(40, 24, 7, 1), movies.resolve("a.tif"),
			PixelFormat.UINT16);
		ImageJTiffWriter.save(new SyntheticFluorescenceMovie(32, 32, 5, 2), movies.resolve("b.tif"),
			PixelFormat.FLOAT32);
		final Path out = dir.resolve("out");
		final String[] ids = submit(model, movies, out, 3);
		final List<Job> tasks = SlurmCluster.waitForEnd(ids[0], 5);
		assertEquals(5, tasks.size(), "a: 1:3 4:6 7:7, b: 1:3 4:5: " + tasks);
		assertTrue(tasks.stream().allMatch(j -> "COMPLETED".equals(j.state())), tasks + logs(out));
		final Job join = SlurmCluster.waitForEnd(ids[1], 3).get(0);
		assertEquals("COMPLETED", join.state(), join + logs(out));
		assertTrue(join.get("Dependency") == null || "(null)".equals(join.get("Dependency")), join.line);

		final String log = read(out.resolve("slurm/logs/superres-" + ids[0] + "_0.log"));
		assertTrue(log.startsWith("pssr: task 0: frames 1:3 of " + movies.resolve("a.tif") + "\nSLURM job "),
			log);
		assertTrue(log.contains(" (array " + ids[0] + ", task 0) on ") && log.contains(
			": 1 CPU threads (SLURM_CPUS_PER_TASK), no GPU allocated (no CUDA_VISIBLE_DEVICES)\n"), log);
		assertTrue(log.contains("on cpu(), 1 threads"), "PyTorch got the allocated CPU count: " + log);
		for (final String name : new String[] { "a", "b" }) {
			final Path single = single(model, movies.resolve(name + ".tif"));
			assertSameMovie(single, out.resolve(name + "_pssr.tif"));
		}
	}

	@Test
	void aTaskCancelledMidRunIsRedoneOnResubmissionAndCompletePartsAreNot() throws Exception {
		// the small preset on 256 x 256 frames, 4 a task: caught after its first frame, a task still
		// has 3 to do (seconds on one thread)
		final Path model = dir.resolve("small.pssr.zip");
		try (UNet net = new UNet(UNetConfig.preset("small", 3, 2), Device.cpu(), 7)) {
			ModelBundle.save(model, net, Normalisation.PSSR, Optional.empty(), "test", new JsonObject());
		}
		final Path movies = Files.createDirectory(dir.resolve("movies"));
		ImageJTiffWriter.save(new SyntheticFluorescenceMovie(256, 256, 12, 3), movies.resolve("c.tif"),
			PixelFormat.UINT16);
		final Path out = dir.resolve("out");
		final String[] first = submit(model, movies, out, 4);
		final Path logs = out.resolve("slurm/logs");
		final String[] cancelled = new String[1];
		SlurmCluster.waitUntil(first[0], jobs -> {
			for (final Job j : jobs)
				if ("RUNNING".equals(j.state()) && read(logs.resolve("superres-" + first[0] + "_" + j.task() +
					".log")).contains("frames 1/4")) cancelled[0] = j.task();
			return cancelled[0] != null;
		}, 5, "task with its first frame done");
		SlurmCluster.run("scancel", first[0] + "_" + cancelled[0]);
		final List<Job> ended = SlurmCluster.waitForEnd(first[0], 5);
		final String range = (Integer.parseInt(cancelled[0]) * 4 + 1) + ":" + (Integer.parseInt(
			cancelled[0]) * 4 + 4);
		final Path parts = out.resolve("c_pssr.parts");
		final Map<String, FileTime> done = new HashMap<>();
		for (final Job j : ended) {
			final int t = Integer.parseInt(j.task());
			final Path record = parts.resolve(String.format("frames-%06d-%06d.json", 4 * t + 1, 4 * t + 4));
			if (j.task().equals(cancelled[0])) {
				assertEquals("CANCELLED", j.state(), j.line);
				assertFalse(Files.exists(record), "the cancelled task's part " + range + " is not complete");
			}
			else {
				assertEquals("COMPLETED", j.state(), j + logs(out));
				done.put(j.task(), Files.getLastModifiedTime(record));
			}
		}
		final Job join = SlurmCluster.waitForEnd(first[1], 2).get(0);
		assertNotEquals("COMPLETED", join.state(), "the join waits for every task: " + join);
		assertFalse(Files.exists(out.resolve("c_pssr.tif")));

		final String[] second = submit(model, movies, out, 4);
		assertTrue(SlurmCluster.waitForEnd(second[0], 5).stream().allMatch(j -> "COMPLETED".equals(j
			.state())), logs(out));
		assertEquals("COMPLETED", SlurmCluster.waitForEnd(second[1], 3).get(0).state(), logs(out));
		for (final Map.Entry<String, FileTime> e : done.entrySet()) {
			final int t = Integer.parseInt(e.getKey());
			assertEquals(e.getValue(), Files.getLastModifiedTime(parts.resolve(String.format(
				"frames-%06d-%06d.json", 4 * t + 1, 4 * t + 4))), "part of task " + t + " not redone");
			assertTrue(read(logs.resolve("superres-" + second[0] + "_" + t + ".log")).contains(
				"are already done"), "task " + t);
		}
		final String redone = read(logs.resolve("superres-" + second[0] + "_" + cancelled[0] + ".log"));
		assertTrue(redone.contains("Wrote frames " + range), "the cancelled part is done now: " + redone);
		try (java.util.stream.Stream<Path> left = Files.list(parts)) {
			assertEquals(List.of(), left.filter(p -> p.getFileName().toString().endsWith(".part")).collect(
				Collectors.toList()));
		}
		assertSameMovie(single(model, movies.resolve("c.tif")), out.resolve("c_pssr.tif"));
	}

	@Test
	void aTrainingRequeuedMidEpochResumesToTheWeightsOfAnUninterruptedRun() throws Exception {
		final String movie = TestMovie.NUCLEI.synthetic().toString();
		final Map<String, String> ids = new HashMap<>();
		for (final String name : new String[] { "requeued", "uninterrupted" }) {
			final MainRunner cli = new MainRunner();
			assertEquals(0, cli.run("slurm", "train", "--cpus-per-task", "1", "--launcher", launcher(),
				"--submit", "--", "--movies", movie, "--output", dir.resolve(name + ".pssr.zip").toString(),
				"--scale", "2", "--tile", "32", "--samples", "44", "--epochs", "2", "--batch", "4",
				"--device", "cpu", "--progress-every", "1", "--seed", "3"), cli.err);
			final Matcher m = Pattern.compile("Submitted training job (\\d+)").matcher(cli.out);
			assertTrue(m.find(), cli.out);
			ids.put(name, m.group(1));
		}
		final String id = ids.get("requeued");
		final Path log = dir.resolve("requeued.slurm/logs/train-" + id + ".log");
		// about 40 samples, 10 steps an epoch: requeued in the middle of epoch 2
		SlurmCluster.waitUntil(id, jobs -> read(log).contains("epoch 2/2 step 12:"), 5, "step 12");
		SlurmCluster.run("scontrol", "requeue", id);
		// SLURM holds a requeued job for two minutes; a test need not wait
		SlurmCluster.waitUntil(id, jobs -> "PENDING".equals(jobs.get(0).state()), 2, "requeued job");
		SlurmCluster.run("scontrol", "update", "JobId=" + id, "StartTime=now");
		final Job requeued = SlurmCluster.waitForEnd(id, 5).get(0);
		assertEquals("COMPLETED", requeued.state(), requeued + "\n" + read(log));
		assertEquals("1", requeued.get("Restarts"));
		final Job uninterrupted = SlurmCluster.waitForEnd(ids.get("uninterrupted"), 5).get(0);
		assertEquals("COMPLETED", uninterrupted.state(), uninterrupted.line);

		final String text = read(log);
		final Matcher p = Pattern.compile("preempted in epoch 2 after (\\d+) of (\\d+) samples").matcher(
			text);
		assertTrue(p.find(), text);
		assertTrue(Integer.parseInt(p.group(1)) > 0 && Integer.parseInt(p.group(1)) < Integer.parseInt(p
			.group(2)), "within the epoch: " + p.group());
		assertTrue(text.contains("pssr: job " + id + ", start 2, resuming from " + dir.resolve(
			"requeued.checkpoints/last.ckpt")), text);
		assertTrue(text.contains("after epoch 1 and " + p.group(1) + " of the " + p.group(2) +
			" samples of epoch 2"), text);
		assertTrue(text.contains(", restart 1 on "), "the log's first line after the restart: " + text);
		assertArrayEquals(weights(dir.resolve("uninterrupted.pssr.zip")), weights(dir.resolve(
			"requeued.pssr.zip")));
	}

	/** Submits the array and join jobs of {@code movies} in chunks; returns their ids. */
	@Test
	void aTaskNoNodeCanRunIsRefusedNamingTheLargestNodeAndNothingIsSubmitted() throws Exception {
		final Path model = Files.copy(Paths.get(SlurmTest.class.getResource(
			"/org/pssr/train/legacy/format1-tiny.pssr.zip").toURI()), dir.resolve("tiny.pssr.zip"));
		final Path movie = dir.resolve("a.tif");
		ImageJTiffWriter.save(new SyntheticFluorescenceMovie(24, 16, 3, 1), movie, PixelFormat.UINT16);
		final MainRunner cli = new MainRunner();
		assertEquals(ExitCodes.USAGE, cli.run("slurm", "superres", "--model", model.toString(), "--input",
			movie.toString(), "--output", dir.resolve("out").toString(), "--cpus-per-task", "4096",
			"--launcher", launcher(), "--submit"), cli.out);
		assertTrue(cli.err.startsWith("pssr: --cpus-per-task 4096: no node of partition ") && cli.err
			.contains("the largest node is ") && cli.err.indexOf('\n') == cli.err.length() - 1, cli.err);
		assertFalse(Files.exists(dir.resolve("out")), "nothing written, so nothing submitted");
	}

	private String[] submit(final Path model, final Path movies, final Path out, final int chunk)
		throws IOException
	{
		final MainRunner cli = new MainRunner();
		assertEquals(0, cli.run("slurm", "superres", "--model", model.toString(), "--input", movies
			.toString(), "--output", out.toString(), "--chunk-frames", Integer.toString(chunk),
			"--cpus-per-task", "1", "--device", "cpu", "--launcher", launcher(), "--submit"), cli.err);
		final Matcher m = SUBMITTED.matcher(cli.out);
		assertTrue(m.find(), cli.out);
		return new String[] { m.group(1), m.group(2) };
	}

	private static String launcher() {
		return CliProcess.launcher().stream().map(SlurmJob::quote).collect(Collectors.joining(" "));
	}

	/** {@code movie} super-resolved by one process on one thread, as the tasks run. */
	private Path single(final Path model, final Path movie) throws IOException, InterruptedException {
		final Path out = dir.resolve("single-" + movie.getFileName());
		final List<String> command = new ArrayList<>(CliProcess.launcher());
		command.add(1, "-Dai.djl.pytorch.num_threads=1");
		command.addAll(List.of("superres", "--model", model.toString(), "--input", movie.toString(),
			"--output", out.toString(), "--device", "cpu"));
		final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		final String text;
		try (InputStream in = p.getInputStream()) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertTrue(p.waitFor(5, TimeUnit.MINUTES));
		assertEquals(0, p.exitValue(), text);
		return out;
	}

	private static byte[] weights(final Path bundle) throws IOException {
		try (ZipFile zip = new ZipFile(bundle.toFile()); InputStream in = zip.getInputStream(zip
			.getEntry("weights.bin")))
		{
			return in.readAllBytes();
		}
	}

	private static String logs(final Path out) {
		final StringBuilder s = new StringBuilder();
		try (java.util.stream.Stream<Path> files = Files.list(out.resolve("slurm/logs"))) {
			for (final Path f : (Iterable<Path>) files.sorted()::iterator)
				s.append("\n== ").append(f.getFileName()).append('\n').append(read(f));
		}
		catch (final IOException e) {
			s.append("\n(no logs: ").append(e).append(')');
		}
		return s.toString();
	}

	private static String read(final Path file) {
		try {
			return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
		}
		catch (final IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
