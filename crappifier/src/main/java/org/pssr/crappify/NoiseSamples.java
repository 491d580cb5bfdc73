package org.pssr.crappify;

import java.util.Arrays;

/**
 * Noise samples and the level each was taken at, collected up to a limit, for a
 * {@link VarianceLine}.
 */
final class NoiseSamples {

	private float[] levels = new float[1 << 16];
	private float[] noise = new float[1 << 16];
	private int n;
	private final int limit;
	private final double levelReadNoise;

	/**
	 * @param levelReadNoise the read noise's variance in a level as a fraction of its variance in a
	 *          pixel ({@link VarianceLine#fit})
	 */
	NoiseSamples(final int limit, final double levelReadNoise) {
		this.limit = limit;
		this.levelReadNoise = levelReadNoise;
	}

	/**
	 * @param level the level the sample was taken at, measured with noise independent of the
	 *          sample's
	 * @return false once the limit is reached and the sample was not kept
	 */
	boolean add(final float level, final float value) {
		if (n == limit) return false;
		if (n == levels.length) {
			final int grown = (int) Math.min(limit, 2L * n);
			levels = Arrays.copyOf(levels, grown);
			noise = Arrays.copyOf(noise, grown);
		}
		levels[n] = level;
		noise[n] = value;
		n++;
		return true;
	}

	int size() {
		return n;
	}

	/** The line these samples give; null with too few of them. */
	VarianceLine line() {
		return VarianceLine.fit(levels, noise, n, levelReadNoise);
	}
}
