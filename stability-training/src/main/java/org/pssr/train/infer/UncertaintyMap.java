package org.pssr.train.infer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

import org.pssr.crappify.Degradation;
import org.pssr.crappify.IntensityMap;
import org.pssr.crappify.Movie;

/**
 * Where a super-resolved movie can be trusted: the input is re-noised {@code draws} times with the
 * model's own noise model (its recipe's LR noise, as twins are drawn in training) and super-resolved
 * each time; a pixel's spread over the draws, in the output's units, says how much the output there
 * depends on the noise rather than on the sample. Structure the network invents from noise moves
 * with it; structure in the data stays.
 */
public final class UncertaintyMap {

	public static final int MAX_DRAWS = 64;

	private final Degradation noiseModel;
	private final int draws;
	private final long seed;

	public UncertaintyMap(final Degradation noiseModel, final int draws, final long seed) {
		if (draws < 2 || draws > MAX_DRAWS) throw new IllegalArgumentException(
			"the uncertainty map takes 2 to " + MAX_DRAWS + " re-noised draws, not " + draws);
		this.noiseModel = noiseModel;
		this.draws = draws;
		this.seed = seed;
	}

	public int draws() {
		return draws;
	}

	/** Draw {@code k}'s noise: independent per draw and frame, the same for a frame in every window. */
	InputNoise draw(final int k) {
		return (frame, t) -> {
			final SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + k * 1_000_003L + t);
			for (int i = 0; i < frame.length; i++)
				frame[i] += (float) (Math.sqrt(noiseModel.lrNoiseVariance(frame[i])) * gaussian(r));
		};
	}

	private static double gaussian(final SplittableRandom r) {
		return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
	}

	/**
	 * Frames {@code from} to {@code to} (exclusive) super-resolved, each with its map: {output,
	 * spread}, computed as they are asked for.
	 */
	public Iterator<float[][]> frames(final MovieSuperResolver resolver, final Movie movie,
		final IntensityMap normaliser, final int from, final int to)
	{
		final Iterator<float[]> clean = resolver.frames(movie, normaliser, from, to);
		final List<Iterator<float[]>> noisy = new ArrayList<>();
		for (int k = 0; k < draws; k++)
			noisy.add(resolver.frames(movie, normaliser, from, to, draw(k)));
		return new Iterator<float[][]>() {

			@Override
			public boolean hasNext() {
				return clean.hasNext();
			}

			@Override
			public float[][] next() {
				if (!hasNext()) throw new NoSuchElementException();
				final float[] output = clean.next();
				final double[] sum = new double[output.length];
				final double[] sum2 = new double[output.length];
				for (final Iterator<float[]> d : noisy) {
					final float[] y = d.next();
					for (int i = 0; i < y.length; i++) {
						final double v = y[i] - output[i]; // centred: no cancellation in float sums
						sum[i] += v;
						sum2[i] += v * v;
					}
				}
				final float[] spread = new float[output.length];
				for (int i = 0; i < spread.length; i++)
					spread[i] = (float) Math.sqrt(Math.max(0, (sum2[i] - sum[i] * sum[i] / draws) / (draws -
						1)));
				return new float[][] { output, spread };
			}
		};
	}
}
