package org.pssr.crappify;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent random streams named by (seed, split, epoch, index, stream): each twin sample gets its
 * own generators, so samples are the same whichever thread draws them and in whatever order.
 */
final class Seeds {

	static final int TILE = 0;
	static final int DRAW1 = 1;
	static final int DRAW2 = 2;

	private Seeds() {}

	static UniformRandomProvider stream(final long seed, final Split split, final long epoch,
		final long index, final int stream)
	{
		long h = mix(seed);
		h = mix(h ^ split.ordinal());
		h = mix(h ^ epoch);
		h = mix(h ^ index);
		h = mix(h ^ stream);
		return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] { h, mix(h) });
	}

	/** SplitMix64's finaliser (Stafford variant 13) after a golden-ratio step: a bijective avalanche. */
	private static long mix(final long x) {
		long z = x + 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}
}
