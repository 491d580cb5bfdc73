package org.pssr.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.pssr.app.JvmOptions;

/** Runs a main class in a fresh JVM with our class path and reads back its peak RSS. */
final class ChildJvm {

	private final Process process;
	private final Path output;
	private final String mainClass;

	private ChildJvm(final Process process, final Path output, final String mainClass) {
		this.process = process;
		this.output = output;
		this.mainClass = mainClass;
	}

	/** Peak resident set size in MB of {@code mainClass args} run under {@link PeakRssProbe}. */
	static double peakRssMb(final String maxHeap, final int threads, final String mainClass,
		final String... args) throws IOException, InterruptedException
	{
		return start(maxHeap, threads, mainClass, args).peakRssMb();
	}

	/**
	 * As {@link #peakRssMb}, with the whole heap committed and touched at start: G1 otherwise touches
	 * more pages of the same capped heap the longer it runs, and RSS grows with the run's length
	 * though the program holds no more.
	 */
	static double peakRssMbHeapTouched(final String heap, final int threads, final String mainClass,
		final String... args) throws IOException, InterruptedException
	{
		return start(List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+AlwaysPreTouch"), threads, mainClass,
			args).peakRssMb();
	}

	/**
	 * What {@code pssr superres} runs in, as the pssr script and the cluster tasks start it: the
	 * options of {@link JvmOptions#superres()} and a heap sized to the job
	 * ({@link JvmOptions#superresMaxHeap}) for square frames of {@code side} and LR tiles of
	 * {@code tile} with the bench's models (3 frames, x4).
	 */
	static List<String> superres(final int side, final int tile) {
		final List<String> options = new ArrayList<>(JvmOptions.superres());
		options.add(JvmOptions.superresMaxHeap(side, side, TrainingSteps.SCALE, TrainingSteps.FRAMES,
			tile));
		return options;
	}

	/** {@link #peakRssMb} with these JVM options. */
	static double peakRssMb(final List<String> jvm, final int threads, final String mainClass,
		final String... args) throws IOException, InterruptedException
	{
		return start(jvm, threads, mainClass, args).peakRssMb();
	}

	/**
	 * Starts {@code mainClass args} under {@link PeakRssProbe} with {@code threads} PyTorch threads;
	 * its output goes to a file, so that several can run at once without blocking on a pipe.
	 */
	static ChildJvm start(final String maxHeap, final int threads, final String mainClass,
		final String... args) throws IOException
	{
		return start(List.of("-Xmx" + maxHeap), threads, mainClass, args);
	}

	/** {@link #start(String, int, String, String...)} with these JVM options. */
	static ChildJvm start(final List<String> jvm, final int threads, final String mainClass,
		final String... args) throws IOException
	{
		final List<String> cmd = new ArrayList<>();
		cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		cmd.addAll(jvm);
		cmd.addAll(Arrays.asList("-Djava.awt.headless=true", "-Dai.djl.offline=true",
			"-Dai.djl.pytorch.num_threads=" + threads, "-Dai.djl.pytorch.num_interop_threads=" + threads,
			"-cp", System.getProperty("java.class.path"), PeakRssProbe.class.getName(), mainClass));
		cmd.addAll(Arrays.asList(args));
		final Path output = Files.createTempFile("pssr-bench-child", ".log");
		final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output
			.toFile()).start();
		return new ChildJvm(p, output, mainClass);
	}

	/** Waits for the child; its peak RSS in MB. */
	double peakRssMb() throws IOException, InterruptedException {
		try {
			final int exit = process.waitFor();
			final String text = new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
			final int at = text.lastIndexOf(PeakRssProbe.MARKER);
			if (exit != 0 || at < 0) throw new IOException(mainClass + " failed (exit " + exit + "): " +
				tail(text));
			final String kb = text.substring(at + PeakRssProbe.MARKER.length()).trim().split("\\s")[0];
			return Long.parseLong(kb) / 1024.0;
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	private static String tail(final String s) {
		return s.length() < 2000 ? s : s.substring(s.length() - 2000);
	}
}
