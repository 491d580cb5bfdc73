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
		if (!(gain > 0) || !Double.isFinite(gain)) throw new IllegalArgumentException(
			"gain must be > 0: " + gain);
		if (!Double.isFinite(offset)) throw new IllegalArgumentException("offset must be a number");
		if (!(readNoise >= 0) || !Double.isFinite(readNoise)) throw new IllegalArgumentException(
			"readnoise must be >= 0: " + readNoise);
		if (!(high > low) || !Double.isFinite(high) || !Double.isFinite(low))
			throw new IllegalArgumentException("the calibrated range needs low < high: " + low + ", " +
				high);
		if (!(blur >= 0 && blur <= 64)) throw new IllegalArgumentException(
			"blur must be from 0 to 64 HR pixels: " + blur);
		final Map<String, Double> p = new LinkedHashMap<>();
		p.put("gain", gain);
		p.put("offset", offset);
		p.put("readnoise", readNoise);
		p.put("low", low);
		p.put("high", high);
		p.put("blur", blur);
		return p;
	}

	static CalibratedDegradation of(final int scale, final Map<String, Double> p) {
		for (final String key : new String[] { "gain", "offset", "readnoise", "low", "high" })
			if (!p.containsKey(key)) throw new IllegalArgumentException("the calibrated recipe needs " +
				key + " (pssr calibrate writes it)");
		// recipe files of calibrations that did not measure the blur have none
		return new CalibratedDegradation(scale, p.get("gain"), p.get("offset"), p.get("readnoise"), p
			.get("low"), p.get("high"), p.getOrDefault("blur", 0.0));
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
