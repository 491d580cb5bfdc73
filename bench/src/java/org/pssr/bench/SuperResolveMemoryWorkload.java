package org.pssr.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Peak RSS of super-resolving a short and a ten times longer movie, each in a fresh JVM with the same
 * small heap, committed and touched at start: streaming means the two should be about equal. Left
 * to itself the JVM makes more of the same heap resident the longer it runs (1.20x for 10x the
 * frames, all of it heap pages), which says nothing about what the pipeline must hold.
 */
final class SuperResolveMemoryWorkload implements Workload {

	private static final String PRESET = "fast";
	private static final String HEAP = "160m";

	@Override
	public String name() {
		return "memory-superres";
	}

	@Override
	public List<Measurement> run(final BenchContext context) throws Exception {
		final int side = context.quick() ? 16 : 32;
		final int shortMovie = context.quick() ? 5 : 100;
		final int longMovie = shortMovie * 10;
		final double a = peak(context, side, shortMovie);
		final double b = peak(context, side, longMovie);
		final String how = String.format(Locale.ROOT,
			"preset %s, %dx%d -> %dx%d frames, -Xms=-Xmx=%s pre-touched, fresh JVM each; no reference " +
				"(the reference's whole-movie RSS is in the superres movie rows)", PRESET, side, side, side *
					4, side * 4, HEAP);
		return Arrays.asList(new Measurement("memory: peak RSS super-resolving " + shortMovie +
			" frames", "MB", a, Double.NaN, false, how), new Measurement(
				"memory: peak RSS super-resolving " + longMovie + " frames", "MB", b, Double.NaN, false, how),
			new Measurement("memory: growth " + longMovie + " vs " + shortMovie + " frames", "x", b / a,
				Double.NaN, false, "1.0 = flat (streaming)"));
	}

	private static double peak(final BenchContext context, final int side, final int frames)
		throws Exception
	{
		final Path out = Files.createTempFile("pssr-bench-superres", ".tif");
		try {
			return ChildJvm.peakRssMbHeapTouched(HEAP, context.threads(), SuperResolveProbe.class
				.getName(), PRESET, Integer.toString(side), Integer.toString(frames), out.toString());
		}
		finally {
			Files.deleteIfExists(out);
		}
	}
}
