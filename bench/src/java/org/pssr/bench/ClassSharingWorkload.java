package org.pssr.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.pssr.crappify.io.Folders;

/**
 * Whether class data sharing ({@code PSSR_CDS=1}: the pssr script's AppCDS archive) shortens what
 * a cluster task spends before its first frame: {@code pssr superres} of a four-frame movie, whole
 * processes through the pssr script, with and without the archive in alternating rounds. The first
 * run with {@code PSSR_CDS=1} writes the archive and is not counted.
 */
final class ClassSharingWorkload implements Workload {

	private static final String PRESET = "fast";

	@Override
	public String name() {
		return "startup-cds";
	}

	@Override
	public List<Measurement> run(final BenchContext context) throws Exception {
		final String launcher = System.getProperty("pssr.launcher");
		if (launcher == null || !Files.isExecutable(Path.of(launcher))) throw new IllegalStateException(
			"needs the pssr script (pssr.launcher is " + launcher + "): run ./pssr bench");
		final int rounds = context.quick() ? 1 : 5;
		final int side = 32;
		final Path dir = Files.createTempDirectory("pssr-bench-cds");
		try {
			final Path model = BenchMovie.model(dir, PRESET);
			final Path movie = BenchMovie.movie(dir, side, 4);
			final Path out = dir.resolve("out.tif");
			final String[] command = { launcher, "superres", "--model", model.toString(), "--input", movie
				.toString(), "--output", out.toString(), "--tile", Integer.toString(side), "--device",
				"cpu" };
			run(command, true, out);
			final Spread[] seconds = Interleaved.run(rounds, () -> Stopwatch.seconds(() -> run(command,
				true, out)), () -> Stopwatch.seconds(() -> run(command, false, out)));
			return Arrays.asList(new Measurement("start-up: pssr superres of 4 frames " + side + "x" + side +
				", with class data sharing (PSSR_CDS=1) vs without", "s", Double.NaN, Double.NaN, false,
				String.format(Locale.ROOT, "ours = with the archive, reference = the same script " +
					"without it; whole processes through the pssr script, %d rounds in alternation after " +
					"the run that writes the archive; above 1: the archive helps", rounds)).withSpreads(
						seconds[0], seconds[1]));
		}
		finally {
			Folders.deleteTree(dir);
		}
	}

	private static void run(final String[] command, final boolean sharing, final Path out)
		throws IOException, InterruptedException
	{
		Files.deleteIfExists(out);
		final ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
		pb.environment().remove("PSSR_CDS");
		if (sharing) pb.environment().put("PSSR_CDS", "1");
		final Path log = Files.createTempFile("pssr-bench-cds", ".log");
		try {
			final Process p = pb.redirectOutput(log.toFile()).start();
			if (!p.waitFor(600, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				throw new IOException(String.join(" ", command) + " did not end in 10 minutes");
			}
			if (p.exitValue() != 0) throw new IOException("pssr superres" + (sharing ? " (PSSR_CDS=1)"
				: "") + " failed (exit " + p.exitValue() + "): " + new String(Files.readAllBytes(log),
					StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(log);
		}
	}
}
