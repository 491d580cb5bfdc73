package org.pssr.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/** What the figures were measured on, recorded beside them. */
public final class Machine {

	private Machine() {}

	public static String cpuModel() {
		final Path cpuinfo = Paths.get("/proc/cpuinfo");
		if (!Files.isReadable(cpuinfo)) return System.getProperty("os.arch");
		try {
			final Optional<String> model = Files.readAllLines(cpuinfo).stream().filter(l -> l
				.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
			return model.orElse(System.getProperty("os.arch"));
		}
		catch (final IOException e) {
			return System.getProperty("os.arch");
		}
	}

	public static int cores() {
		return Runtime.getRuntime().availableProcessors();
	}

	public static String describe() {
		return cpuModel() + ", " + cores() + " cores, Java " + System.getProperty("java.version") +
			", " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
	}
}
