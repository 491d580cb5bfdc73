package org.pssr.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs a main class in a fresh JVM with our class path and returns its peak RSS. */
final class ChildJvm {

	private ChildJvm() {}

	/** Peak resident set size in MB of {@code mainClass args} run under {@link PeakRssProbe}. */
	static double peakRssMb(final String maxHeap, final int threads, final String mainClass,
		final String... args) throws IOException, InterruptedException
	{
		final List<String> cmd = new ArrayList<>(Arrays.asList(Paths.get(System.getProperty(
			"java.home"), "bin", "java").toString(), "-Xmx" + maxHeap, "-Djava.awt.headless=true",
			"-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=" + threads,
			"-Dai.djl.pytorch.num_interop_threads=" + threads, "-cp", System.getProperty(
				"java.class.path"), PeakRssProbe.class.getName(), mainClass));
		cmd.addAll(Arrays.asList(args));
		final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		Reference.copy(p.getInputStream(), out);
		final int exit = p.waitFor();
		final String text = new String(out.toByteArray(), StandardCharsets.UTF_8);
		final int at = text.lastIndexOf(PeakRssProbe.MARKER);
		if (exit != 0 || at < 0) throw new IOException(mainClass + " failed (exit " + exit + "): " + tail(
			text));
		final String kb = text.substring(at + PeakRssProbe.MARKER.length()).trim().split("\\s")[0];
		return Long.parseLong(kb) / 1024.0;
	}

	private static String tail(final String s) {
		return s.length() < 2000 ? s : s.substring(s.length() - 2000);
	}
}
