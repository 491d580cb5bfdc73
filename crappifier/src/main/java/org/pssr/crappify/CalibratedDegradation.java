package org.pssr.crappify;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The user's own microscope, as {@link NoiseCalibration} and {@link BlurEstimate} measured it on a
 * real low-resolution movie: a Gaussian blur of {@code blur} HR pixels (0 when not measured), then
 * downsample (area average by {@code scale}), then, in the movie's units (normalised 0 and 1 are its
 * {@code low} and {@code high}), shot noise of {@code (value - offset) / gain} photons and Gaussian
 * read noise of {@code readnoise}, back in normalised units. The HR tile's intensities stand for what
 * the LR camera would have seen at the same place in its normalised range.
 */
public final class CalibratedDegradation extends AbstractDegradation {

	public static final String NAME = "calibrated";

	static final RecipeParameter GAIN = RecipeParameter.required("gain", "counts per photon",
		"the camera's gain").above(0);
	static final RecipeParameter OFFSET = RecipeParameter.required("offset", "counts",
		"the camera's offset: counts without light");
	static final RecipeParameter READNOISE = RecipeParameter.required("readnoise", "counts",
		"s.d. of the read noise").atLeast(0);
	static final RecipeParameter LOW = RecipeParameter.required("low", "counts",
		"the movie's counts at normalised 0");
	static final RecipeParameter HIGH = RecipeParameter.required("high", "counts",
		"the movie's counts at normalised 1 (above low)");
	static final RecipeParameter BLUR = RecipeParameter.of("blur", 0, "HR pixels",
		"s.d. of the Gaussian blur before downsampling (0: not measured)").from(0, 64);

	private final double gain;
	private final double offset;
	private final double readNoise;
	private final double low;
	private final double span;
	private final double blur;

	public CalibratedDegradation(final int scale, final double gain, final double offset,
		final double readNoise, final double low, final double high, final double blur)
	{
		super(NAME, scale, parameters(gain, offset, readNoise, low, high, blur));
		this.gain = gain;
		this.offset = offset;
		this.readNoise = readNoise;
		this.low = low;
		this.span = high - low;
		this.blur = blur;
	}

	private static Map<String, Double> parameters(final double gain, final double offset,
		final double readNoise, final double low, final double high, final double blur)
	{
		final Map<String, Double> p = new LinkedHashMap<>();
		p.put(GAIN.name(), GAIN.require(gain));
		p.put(OFFSET.name(), OFFSET.require(offset));
		p.put(READNOISE.name(), READNOISE.require(readNoise));
		p.put(LOW.name(), LOW.require(low));
		p.put(HIGH.name(), HIGH.require(high));
		if (!(high > low)) throw new IllegalArgumentException("the calibrated range needs low < high: " +
			low + ", " + high);
		p.put(BLUR.name(), BLUR.require(blur));
		return p;
	}

	/**
	 * The {@code calibrated} recipe in the registry ({@link Degradations}): chosen through the recipe
	 * file {@code pssr calibrate} writes, which gives every parameter but the blur (calibrations that
	 * did not measure it have none).
	 */
	public static final class Factory extends AbstractRecipeFactory {

		public Factory() {
			super(NAME,
				"Your microscope, as pssr calibrate measured it (its recipe file gives the " +
				"parameters): Gaussian blur, area-average downsampling, then in the movie's counts shot " +
				"noise of (value - offset) / gain photons and Gaussian read noise.",
				GAIN, OFFSET, READNOISE, LOW, HIGH, BLUR);
		}

		@Override
		public Degradation create(final int scale, final Map<String, Double> p) {
			return new CalibratedDegradation(scale, p.get(GAIN.name()), p.get(OFFSET.name()), p.get(
				READNOISE.name()), p.get(LOW.name()), p.get(HIGH.name()), p.get(BLUR.name()));
		}
	}

	@Override
	public double lrNoiseVariance(final double value) {
		final double counts = low + value * span;
		return (gain * Math.max(0, counts - offset) + readNoise * readNoise) / (span * span);
	}

	@Override
	public float[] apply(final float[] hr, final int width, final int height,
		final UniformRandomProvider rng)
	{
		final float[] lr = Tiles.downsample(blur > 0 ? GaussianBlur.apply(hr, width, height, blur) : hr,
			width, height, scale());
		final NormalizedGaussianSampler gauss = ZigguratSampler.NormalizedGaussian.of(rng);
		for (int i = 0; i < lr.length; i++) {
			final double photons = Math.max(0, low + lr[i] * span - offset) / gain;
			final double shot = photons > 0 ? PoissonSampler.of(rng, photons).sample() : 0;
			final double counts = offset + gain * shot + readNoise * gauss.sample();
			lr[i] = (float) ((counts - low) / span);
		}
		return lr;
	}
}
