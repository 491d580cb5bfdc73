package org.pssr.crappify;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The PSSR2 order: downsample first (area average by {@code scale}), then shot noise on the LR grid,
 * Poisson with mean {@code photons} x intensity (intensity 1 = the movie's upper percentile), plus
 * Gaussian read noise of {@code readnoise} photons (s.d.), back in normalised units. Unclipped, so
 * the mean of many draws is the downsampled tile and the variance of a draw is
 * {@code mean / photons + (readnoise / photons)^2}.
 */
public final class PoissonDegradation extends AbstractDegradation {

	public static final String NAME = "poisson";
	public static final double DEFAULT_PHOTONS = 50;
	public static final double DEFAULT_READNOISE = 1;

	private final double photons;
	private final double readNoise;

	public PoissonDegradation(final int scale) {
		this(scale, DEFAULT_PHOTONS, DEFAULT_READNOISE);
	}

	public PoissonDegradation(final int scale, final double photons, final double readNoise) {
		super(NAME, scale, parameters(photons, readNoise));
		this.photons = photons;
		this.readNoise = readNoise;
	}

	private static Map<String, Double> parameters(final double photons, final double readNoise) {
		if (!(photons > 0)) throw new IllegalArgumentException("photons must be > 0: " + photons);
		if (!(readNoise >= 0)) throw new IllegalArgumentException("readnoise must be >= 0: " +
			readNoise);
		final Map<String, Double> p = new LinkedHashMap<>();
		p.put("photons", photons);
		p.put("readnoise", readNoise);
		return p;
	}

	static PoissonDegradation of(final int scale, final Map<String, Double> p) {
		return new PoissonDegradation(scale, p.getOrDefault("photons", DEFAULT_PHOTONS), p
			.getOrDefault("readnoise", DEFAULT_READNOISE));
	}

	@Override
	public double lrNoiseVariance(final double value) {
		return Math.max(value, 0) / photons + (readNoise / photons) * (readNoise / photons);
	}

	@Override
	public float[] apply(final float[] hr, final int width, final int height,
		final UniformRandomProvider rng)
	{
		final float[] lr = Tiles.downsample(hr, width, height, scale());
		final NormalizedGaussianSampler gauss = ZigguratSampler.NormalizedGaussian.of(rng);
		for (int i = 0; i < lr.length; i++) {
			final double mean = photons * lr[i];
			final double counts = mean > 0 ? PoissonSampler.of(rng, mean).sample() : 0;
			lr[i] = (float) ((counts + readNoise * gauss.sample()) / photons);
		}
		return lr;
	}
}
