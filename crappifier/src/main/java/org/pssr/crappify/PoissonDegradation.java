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

	static final RecipeParameter PHOTONS = RecipeParameter.of("photons", DEFAULT_PHOTONS, "photons",
		"photons at intensity 1 (the movie's upper percentile): the dose").above(0);
	static final RecipeParameter READNOISE = RecipeParameter.of("readnoise", DEFAULT_READNOISE,
		"photons", "s.d. of the Gaussian read noise").atLeast(0);

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
		final Map<String, Double> p = new LinkedHashMap<>();
		p.put(PHOTONS.name(), PHOTONS.require(photons));
		p.put(READNOISE.name(), READNOISE.require(readNoise));
		return p;
	}

	/** The {@code poisson} recipe in the registry ({@link Degradations}). */
	public static final class Factory extends AbstractRecipeFactory {

		public Factory() {
			super(NAME,
				"PSSR2 order: area-average downsampling first, then on the LR grid Poisson(photons x " +
				"intensity) shot noise and Gaussian read noise, divided by photons; not clipped, so the " +
				"mean is the downsampled HR tile and the variance intensity/photons + (readnoise/photons)^2. " +
				"A low-dose acquisition.",
				PHOTONS, READNOISE);
		}

		@Override
		public Degradation create(final int scale, final Map<String, Double> p) {
			return new PoissonDegradation(scale, p.get(PHOTONS.name()), p.get(READNOISE.name()));
		}
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
