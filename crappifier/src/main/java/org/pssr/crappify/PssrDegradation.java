package org.pssr.crappify;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The published PSSR recipe (Fang et al. 2021, {@code new_crap_AG_SP}): on the HR tile clipped to
 * [0, 1], salt and pepper, then Gaussian noise whose per-pixel variance is {@code variance} times a
 * Gaussian-blurred ({@code sigma}) copy of the image (Poisson-like), clipped to [0, 1] again as
 * scikit-image's {@code random_noise} does, then an area-average downsampling by {@code scale}
 * (anti-aliased; PSSR used bilinear zoom).
 */
public final class PssrDegradation extends AbstractDegradation {

	public static final String NAME = "pssr";
	public static final double DEFAULT_SALT = 0.005;
	public static final double DEFAULT_PEPPER = 0.005;
	public static final double DEFAULT_SIGMA = 5;
	public static final double DEFAULT_VARIANCE = 0.05;

	static final RecipeParameter SALT = RecipeParameter.of("salt", DEFAULT_SALT, "fraction of pixels",
		"pixels set to 1").from(0, 1);
	static final RecipeParameter PEPPER = RecipeParameter.of("pepper", DEFAULT_PEPPER,
		"fraction of pixels", "pixels set to 0").from(0, 1);
	static final RecipeParameter SIGMA = RecipeParameter.of("sigma", DEFAULT_SIGMA, "HR pixels",
		"s.d. of the Gaussian blur whose copy of the image scales the noise").above(0);
	static final RecipeParameter VARIANCE = RecipeParameter.of("variance", DEFAULT_VARIANCE,
		"normalised units", "the noise's variance per unit of the blurred image").atLeast(0);

	private final double salt;
	private final double pepper;
	private final double sigma;
	private final double variance;

	public PssrDegradation(final int scale) {
		this(scale, DEFAULT_SALT, DEFAULT_PEPPER, DEFAULT_SIGMA, DEFAULT_VARIANCE);
	}

	public PssrDegradation(final int scale, final double salt, final double pepper,
		final double sigma, final double variance)
	{
		super(NAME, scale, parameters(salt, pepper, sigma, variance));
		this.salt = salt;
		this.pepper = pepper;
		this.sigma = sigma;
		this.variance = variance;
	}

	private static Map<String, Double> parameters(final double salt, final double pepper,
		final double sigma, final double variance)
	{
		final Map<String, Double> p = new LinkedHashMap<>();
		p.put(SALT.name(), SALT.require(salt));
		p.put(PEPPER.name(), PEPPER.require(pepper));
		if (!(salt + pepper <= 1)) throw new IllegalArgumentException("salt and pepper together are " +
			"at most all pixels: " + salt + " + " + pepper);
		p.put(SIGMA.name(), SIGMA.require(sigma));
		p.put(VARIANCE.name(), VARIANCE.require(variance));
		return p;
	}

	/** The {@code pssr} recipe in the registry ({@link Degradations}). */
	public static final class Factory extends AbstractRecipeFactory {

		public Factory() {
			super(NAME,
				"PSSR's published new_crap_AG_SP: on the HR tile clipped to [0, 1], salt and pepper, " +
				"then Gaussian noise of variance (variance x a Gaussian-blurred, sigma, copy of the image), " +
				"clipped again, then area-average downsampling. Nearly noise-free LR images.",
				SALT, PEPPER, SIGMA, VARIANCE);
		}

		@Override
		public Degradation create(final int scale, final Map<String, Double> p) {
			return new PssrDegradation(scale, p.get(SALT.name()), p.get(PEPPER.name()), p.get(SIGMA
				.name()), p.get(VARIANCE.name()));
		}
	}

	/**
	 * The HR noise's variance at a level is {@code variance} times the level (its blurred copy, for a
	 * smooth image); averaging {@code scale^2} HR pixels divides it by as much. Salt and pepper and
	 * the clipping are left out.
	 */
	@Override
	public double lrNoiseVariance(final double value) {
		return variance * Math.min(Math.max(value, 0), 1) / (scale() * scale());
	}

	@Override
	public float[] apply(final float[] hr, final int width, final int height,
		final UniformRandomProvider rng)
	{
		final float[] x = clipped(hr);
		return degrade(x, GaussianBlur.apply(x, width, height, sigma), width, height, rng);
	}

	/** The blurred copy depends on the image only, so both draws share it. */
	@Override
	public float[][] applyTwice(final float[] hr, final int width, final int height,
		final UniformRandomProvider rng1, final UniformRandomProvider rng2)
	{
		final float[] x = clipped(hr);
		final float[] localVariance = GaussianBlur.apply(x, width, height, sigma);
		return new float[][] { degrade(x, localVariance, width, height, rng1), degrade(x,
			localVariance, width, height, rng2) };
	}

	private static float[] clipped(final float[] hr) {
		final float[] x = new float[hr.length];
		for (int i = 0; i < x.length; i++) {
			x[i] = clip(hr[i]);
		}
		return x;
	}

	private float[] degrade(final float[] x, final float[] localVariance, final int width,
		final int height, final UniformRandomProvider rng)
	{
		final float[] y = new float[x.length];
		final NormalizedGaussianSampler gauss = ZigguratSampler.NormalizedGaussian.of(rng);
		for (int i = 0; i < y.length; i++) {
			final double u = rng.nextDouble();
			float v = u < salt ? 1f : u < salt + pepper ? 0f : x[i];
			final double sd = Math.sqrt(variance * (Math.max(localVariance[i], 0) + 1e-10));
			v += (float) (sd * gauss.sample());
			y[i] = clip(v);
		}
		return Tiles.downsample(y, width, height, scale());
	}

	private static float clip(final float v) {
		return v < 0 ? 0 : v > 1 ? 1 : v;
	}
}
