package org.pssr.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The list of workloads at full or quick size, and running a selection of them. */
public final class Bench {

	private Bench() {}

	/**
	 * Full sizes: training and inference in 3-5 rounds a side, in alternation with the reference;
	 * quick sizes are a smoke test of the harness and say nothing about speed.
	 */
	public static List<Workload> workloads(final boolean quick) {
		if (quick) return Arrays.asList(new PeakWorkload(), new TrainingWorkload("small", 32, 2, 1, 1, 2,
			null), new InferenceWorkload("small", 32, 1, 1, 2), new CrappifyWorkload("pssr"),
			new CziWorkload(), new LargeCziWorkload(), new SuperResolveMemoryWorkload(),
			new TrainingMemoryWorkload(), new ChunkedSuperResolveWorkload(),
			new SuperResolveMovieWorkload("fast", 4), new ClassSharingWorkload());
		return Arrays.asList(new PeakWorkload(), //
			new TrainingWorkload("small", 128, 4, 2, 8, 5, null), //
			new TrainingWorkload("small", 256, 4, 1, 3, 5, null), //
			new TrainingWorkload("fast", 128, 4, 2, 10, 5, null), //
			new TrainingWorkload("fast", 256, 4, 1, 4, 5, null), //
			new TrainingWorkload("pssr", 128, 4, 1, 1, 3, "one step timed: pssr is a GPU preset"), //
			new TrainingWorkload("pssr", 256, 4, 1, 1, 3, "one step timed: pssr is a GPU preset"), //
			// the median of 4 frames a round: with 2, one slow frame decided a round's figure and the
			// rounds' ranges overlapped
			new InferenceWorkload("small", 256, 1, 4, 5), //
			new InferenceWorkload("fast", 256, 1, 3, 5), //
			new SuperResolveMovieWorkload("fast", 60), //
			new SuperResolveMovieWorkload("small", 16), //
			new ClassSharingWorkload(), //
			new CrappifyWorkload("pssr"), //
			new CrappifyWorkload("poisson"), //
			new CziWorkload(), //
			new LargeCziWorkload(), //
			new SuperResolveMemoryWorkload(), //
			new TrainingMemoryWorkload(), //
			new ChunkedSuperResolveWorkload());
	}

	/** Workloads whose name starts with one of {@code only} (all when it is empty). */
	public static List<Workload> select(final List<Workload> all, final List<String> only) {
		if (only == null || only.isEmpty()) return all;
		final List<Workload> chosen = new ArrayList<>();
		for (final Workload w : all) {
			if (only.stream().anyMatch(o -> w.name().startsWith(o))) chosen.add(w);
		}
		if (chosen.isEmpty()) {
			final List<String> names = new ArrayList<>();
			all.forEach(w -> names.add(w.name()));
			throw new IllegalArgumentException("no workload matches " + only + "; there are " + names);
		}
		return chosen;
	}

	/** Runs each workload; a failing one becomes a line that says why, and the others still run. */
	public static List<Measurement> run(final BenchContext context, final List<Workload> workloads,
		final PrintWriter log)
	{
		final List<Measurement> rows = new ArrayList<>();
		for (final Workload w : workloads) {
			log.println("bench: " + w.name() + "...");
			log.flush();
			final long t0 = System.nanoTime();
			try {
				for (final Measurement m : w.run(context)) {
					rows.add(m);
					log.println(String.format(Locale.ROOT, "  %s: %s", m.workload(), BenchReport.row(m)));
				}
			}
			catch (final Exception | LinkageError e) {
				rows.add(new Measurement(w.name(), "-", Double.NaN, Double.NaN, true, "failed: " + e));
				log.println("  failed: " + e);
			}
			log.println(String.format(Locale.ROOT, "  (%.0f s)", (System.nanoTime() - t0) / 1e9));
			log.flush();
		}
		return rows;
	}
}
