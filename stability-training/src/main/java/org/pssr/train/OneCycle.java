package org.pssr.train;

/**
 * The one-cycle learning-rate schedule of fastai's {@code fit_one_cycle}, which PSSR trained with:
 * cosine warm-up from {@code max/25} to {@code max} over the first 25 % of training, then cosine
 * annealing to {@code max/25/1e5}. A function of the fraction of training done, so it does not
 * depend on the batch size (which may shrink on out-of-memory) or on being resumed.
 */
public final class OneCycle {

	static final String DESCRIPTION = "one-cycle (fastai: 25% cosine warm-up from lr/25, cosine down)";
	private static final double WARMUP = 0.25;
	private static final double DIV = 25;
	private static final double DIV_FINAL = 1e5;

	private final double max;

	public OneCycle(final double max) {
		if (!(max > 0)) throw new IllegalArgumentException("learning rate must be > 0, not " + max);
		this.max = max;
	}

	/** @param progress fraction of training done, 0..1 */
	public double rate(final double progress) {
		final double p = Math.min(1, Math.max(0, progress));
		if (p < WARMUP) return cosine(max / DIV, max, p / WARMUP);
		return cosine(max, max / DIV / DIV_FINAL, (p - WARMUP) / (1 - WARMUP));
	}

	private static double cosine(final double from, final double to, final double t) {
		return to + (from - to) * (1 + Math.cos(Math.PI * t)) / 2;
	}
}
