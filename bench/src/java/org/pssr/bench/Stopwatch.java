package org.pssr.bench;

import java.util.Arrays;

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
		Arrays.sort(s);
		return repetitions % 2 == 1 ? s[repetitions / 2] : (s[repetitions / 2 - 1] + s[repetitions /
			2]) / 2;
	}
}
