package org.pssr.bench;

/** Median wall time of repeated runs after warm-up runs that are not counted. */
public final class Stopwatch {

	/** Work to time; may throw, which ends the benchmark. */
	@FunctionalInterface
	public interface Work {

		void run() throws Exception;
	}

	private Stopwatch() {}

	public static double medianSeconds(final int warmup, final int repetitions, final Work work)
		throws Exception
	{
		for (int i = 0; i < warmup; i++)
			work.run();
		final double[] s = new double[repetitions];
		for (int i = 0; i < repetitions; i++) {
			final long t0 = System.nanoTime();
			work.run();
			s[i] = (System.nanoTime() - t0) / 1e9;
		}
		return Spread.of(s).median();
	}
}
