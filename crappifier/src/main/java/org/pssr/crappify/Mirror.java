package org.pssr.crappify;

/**
 * Whole-sample mirroring, the border rule used everywhere an index runs off an image or a movie:
 * index -1 is index 1, index n is index n-2 (the edge sample is not repeated).
 */
public final class Mirror {

	private Mirror() {}

	/** {@code i} reflected into {@code [0, n)}; folds again for indices further out than n. */
	public static int index(final int i, final int n) {
		if (n == 1) return 0;
		final int period = 2 * n - 2;
		final int j = Math.floorMod(i, period);
		return j < n ? j : period - j;
	}
}
