package org.pssr.bench;

/** Median wall time of repeated runs after warm-up runs that are not counted. */
public final class Stopwatch {

	/** Work to time; may throw, which ends the benchmark. */
	@FunctionalInterface
	public interface Work {

		void run() throws Exception;
	}

	private Stopwatch() {}

	/** Wall time of one run of {@code work}. */
	public static double seconds(final Work work) throws Exception {
		final long t0 = System.nanoTime();
		work.run();
		return (System.nanoTime() - t0) / 1e9;
	}

	public static double medianSeconds(final int warmup, final int repetitions, final Work work)
		throws Exception
	{
		for (int i = 0; i < warmup; i++)
			work.run();
		final double[] s = new double[repetitions];
		for (int i = 0; i < repetitions; i++)
			s[i] = seconds(work);
		return Spread.of(s).median();
	}
}
