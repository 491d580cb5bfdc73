package org.pssr.crappify;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The plainest recipe: the mean of each {@code scale x scale} block (what a camera with larger
 * pixels records) plus Gaussian read noise of standard deviation {@code sigma} in normalised
 * units. What evaluation simulates LR frames with for a model that records no recipe; with
 * {@code sigma} 0, plain binning.
 */
public final class GaussianDegradation extends AbstractDegradation {

	public static final String NAME = "gaussian";
	public static final double DEFAULT_SIGMA = 0.02;

	static final RecipeParameter SIGMA = RecipeParameter.of("sigma", DEFAULT_SIGMA,
		"normalised units", "s.d. of the Gaussian read noise (0: plain binning)").atLeast(0);

	private final double sigma;

	public GaussianDegradation(final int scale, final double sigma) {
		super(NAME, scale, parameters(sigma));
		this.sigma = sigma;
	}

	private static Map<String, Double> parameters(final double sigma) {
		final Map<String, Double> p = new LinkedHashMap<>();
		p.put(SIGMA.name(), SIGMA.require(sigma));
		return p;
	}

	/** The {@code gaussian} recipe in the registry ({@link Degradations}). */
	public static final class Factory extends AbstractRecipeFactory {

		public Factory() {
			super(NAME,
				"The plainest: the mean of each scale x scale block (a camera with larger pixels) " +
				"plus Gaussian read noise of s.d. sigma; what evaluation simulates LR frames with for a " +
				"model that records no recipe.",
				SIGMA);
		}

		@Override
		public Degradation create(final int scale, final Map<String, Double> p) {
			return new GaussianDegradation(scale, p.get(SIGMA.name()));
		}
	}

	@Override
	public double lrNoiseVariance(final double value) {
		return sigma * sigma;
	}

	@Override
	public float[] apply(final float[] hr, final int width, final int height,
		final UniformRandomProvider rng)
	{
		final float[] lr = Tiles.downsample(hr, width, height, scale());
		if (sigma == 0) return lr;
		final NormalizedGaussianSampler gauss = ZigguratSampler.NormalizedGaussian.of(rng);
		for (int i = 0; i < lr.length; i++)
			lr[i] += (float) (sigma * gauss.sample());
		return lr;
	}
}
