package org.pssr.crappify.acquisition;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.pssr.crappify.AbstractMovie;
import org.pssr.crappify.Calibration;
import org.pssr.crappify.GaussianBlur;
import org.pssr.crappify.IntensityMap;
import org.pssr.crappify.Mirror;
import org.pssr.crappify.Movie;
import org.pssr.crappify.Normalisation;

/**
 * A high-resolution movie as a camera on a lower-resolution microscope would have recorded it
 * ({@link Acquisition}): the HR intensities normalised as PSSR normalises them (0 and 1 at the 0.1
 * and 99.9 percentiles, negatives clipped: no light is negative), shifted by the drift, blurred by
 * the optics, integrated over scale x scale pixels, dimmed by bleaching, collected as photons
 * (Poisson, with background), then gain, offset and Gaussian read noise, rounded and clipped to
 * 16-bit grey levels. The LR movie shows the top left {@code scale x} its size of the HR frames.
 * Frames are computed when asked for, each with its own random numbers from the seed, so a frame is
 * the same whenever and however often it is read.
 */
public final class SimulatedAcquisition extends AbstractMovie {

	/** The drift's direction, a unit vector. */
	private static final double DRIFT_X = 0.8;
	private static final double DRIFT_Y = 0.6;

	private final Movie hr;
	private final Acquisition acquisition;
	private final IntensityMap hrUnits;
	private final long seed;
	private final int scale;

	/** @param seed of the noise; another seed is another acquisition of the same scene */
	public SimulatedAcquisition(final Movie hr, final Acquisition acquisition, final long seed,
		final String name)
	{
		super(hr.width() / acquisition.scale(), hr.height() / acquisition.scale(), hr.frames(), scaled(hr
			.calibration(), acquisition.scale()));
		if (width() < 1 || height() < 1) throw new IllegalArgumentException(name + " (" + hr.width() +
			" x " + hr.height() + ") is smaller than one LR pixel at x" + acquisition.scale());
		this.hr = hr;
		this.acquisition = acquisition;
		this.scale = acquisition.scale();
		this.seed = seed;
		this.hrUnits = Normalisation.PSSR.fit(hr, name);
		if (hrUnits.flat()) throw new IllegalArgumentException(name + " has no contrast to record " +
			"(its percentiles are equal)");
	}

	public Acquisition acquisition() {
		return acquisition;
	}

	/**
	 * Maps the recorded grey levels to the HR movie's normalised units (the expected grey level of
	 * normalised intensity 0 goes to 0, of 1 to 1), as it stood in the first frame, before any
	 * bleaching: what an evaluation compares in.
	 */
	public IntensityMap toUnits() {
		return new IntensityMap(acquisition.counts(0), acquisition.counts(1), 0);
	}

	/** The HR movie's normalisation, which {@link #toUnits} refers to. */
	public IntensityMap hrUnits() {
		return hrUnits;
	}

	@Override
	public RandomAccessibleInterval<FloatType> frame(final int t) {
		final float[] photons = photons(t);
		final double gain = acquisition.get(Acquisition.GAIN);
		final double offset = acquisition.get(Acquisition.OFFSET);
		final double read = acquisition.get(Acquisition.READ_NOISE);
		final long draw = seed * 1_000_003L + t;
		final UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] { draw,
			~draw ^ 0x5DEECE66DL });
		final NormalizedGaussianSampler gauss = ZigguratSampler.NormalizedGaussian.of(rng);
		final float[] counts = new float[photons.length];
		for (int i = 0; i < counts.length; i++) {
			final double collected = photons[i] > 0 ? PoissonSampler.of(rng, photons[i]).sample() : 0;
			final double grey = Math.rint(offset + gain * collected + read * gauss.sample());
			counts[i] = (float) Math.max(0, Math.min(Acquisition.MAX_COUNT, grey));
		}
		return ArrayImgs.floats(counts, width(), height());
	}

	/**
	 * Frame {@code t} as a camera without noise would record it: the expected grey levels, from
	 * which {@link #frame} draws.
	 */
	public float[] expected(final int t) {
		final float[] photons = photons(t);
		final double gain = acquisition.get(Acquisition.GAIN);
		final double offset = acquisition.get(Acquisition.OFFSET);
		final float[] counts = new float[photons.length];
		for (int i = 0; i < counts.length; i++)
			counts[i] = (float) (offset + gain * photons[i]);
		return counts;
	}

	/** The photons each LR pixel of frame {@code t} expects. */
	private float[] photons(final int t) {
		final int lrWidth = (int) width();
		final int lrHeight = (int) height();
		final int w = lrWidth * scale;
		final int h = lrHeight * scale;
		final float[] light = GaussianBlur.apply(shifted(t, w, h), w, h, acquisition.get(
			Acquisition.PSF));
		final double bleached = Math.pow(1 - acquisition.get(Acquisition.BLEACHING), t);
		final double photons = acquisition.get(Acquisition.PHOTONS) * bleached;
		final double background = acquisition.get(Acquisition.BACKGROUND);
		final float[] out = new float[lrWidth * lrHeight];
		final double area = 1.0 / (scale * scale);
		for (int y = 0; y < lrHeight; y++)
			for (int x = 0; x < lrWidth; x++) {
				double sum = 0;
				for (int dy = 0; dy < scale; dy++)
					for (int dx = 0; dx < scale; dx++)
						sum += light[(y * scale + dy) * w + x * scale + dx];
				out[y * lrWidth + x] = (float) (photons * sum * area + background);
			}
		return out;
	}

	/**
	 * The HR frame's top left {@code w x h} pixels in normalised units, negatives clipped, moved by
	 * the drift so far (bilinear, mirrored at the borders).
	 */
	private float[] shifted(final int t, final int w, final int h) {
		final RandomAccessibleInterval<FloatType> frame = hr.frame(t);
		final int fullWidth = (int) frame.dimension(0);
		final int fullHeight = (int) frame.dimension(1);
		final float[] full = new float[fullWidth * fullHeight];
		int i = 0;
		for (final FloatType v : net.imglib2.view.Views.flatIterable(frame))
			full[i++] = Math.max(0, hrUnits.apply(v.get()));
		final double shift = acquisition.get(Acquisition.DRIFT) * t;
		final double sx = shift * DRIFT_X;
		final double sy = shift * DRIFT_Y;
		final int ix = (int) Math.floor(sx);
		final int iy = (int) Math.floor(sy);
		final float fx = (float) (sx - ix);
		final float fy = (float) (sy - iy);
		final float[] out = new float[w * h];
		for (int y = 0; y < h; y++) {
			final int y0 = Mirror.index(y - iy, fullHeight) * fullWidth;
			final int y1 = Mirror.index(y - iy - 1, fullHeight) * fullWidth;
			for (int x = 0; x < w; x++) {
				final int x0 = Mirror.index(x - ix, fullWidth);
				final int x1 = Mirror.index(x - ix - 1, fullWidth);
				// the scene moves by (sx, sy): the pixel at x shows the scene at x - sx
				out[y * w + x] = (1 - fy) * ((1 - fx) * full[y0 + x0] + fx * full[y0 + x1]) + fy * ((1 - fx) *
					full[y1 + x0] + fx * full[y1 + x1]);
			}
		}
		return out;
	}

	private static Calibration scaled(final Calibration c, final int s) {
		return new Calibration(c.pixelWidth() * s, c.pixelHeight() * s, c.frameInterval());
	}
}
