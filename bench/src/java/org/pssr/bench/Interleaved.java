package org.pssr.bench;

/**
 * Times our side and the reference's in alternation, A B A B ..., so that a change in the machine's
 * load during a run falls on both sides instead of on one; each round is a figure of its own (with
 * its own warm-up), and the rounds give each side's spread.
 */
final class Interleaved {

	/** One round of one side: its figure, e.g. the median seconds of a few steps after warm-up. */
	@FunctionalInterface
	interface Round {

		double seconds() throws Exception;
	}

	private Interleaved() {}

	/**
	 * @param theirs null when the reference cannot run: then only our rounds
	 * @return our spread and the reference's (null without a reference)
	 */
	static Spread[] run(final int rounds, final Round ours, final Round theirs) throws Exception {
		if (rounds < 1) throw new IllegalArgumentException("at least one round, not " + rounds);
		final double[] a = new double[rounds];
		final double[] b = new double[rounds];
		for (int i = 0; i < rounds; i++) {
			a[i] = ours.seconds();
			if (theirs != null) b[i] = theirs.seconds();
		}
		return new Spread[] { Spread.of(a), theirs == null ? null : Spread.of(b) };
	}
}
