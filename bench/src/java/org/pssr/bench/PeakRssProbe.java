package org.pssr.bench;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;

/**
 * Child-JVM entry point: {@code PeakRssProbe MAIN_CLASS ARGS...} runs {@code MAIN_CLASS.main(ARGS)}
 * and, when the JVM exits (also through {@code System.exit}), prints the process's peak resident set
 * size ({@code VmHWM} of {@code /proc/self/status}) after {@link #MARKER}. Reading it at exit, from
 * inside, cannot miss a late peak as polling from outside can.
 */
public final class PeakRssProbe {

	static final String MARKER = "pssr-bench-peak-rss-kB=";

	private PeakRssProbe() {}

	public static void main(final String[] args) throws Exception {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println(MARKER + peakKb())));
		final Method main = Class.forName(args[0]).getMethod("main", String[].class);
		main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
	}

	/** {@code VmHWM} in kB, or -1 where {@code /proc} has none. */
	static long peakKb() {
		try {
			for (final String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
				if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
			}
		}
		catch (final IOException e) {
			return -1;
		}
		return -1;
	}
}
