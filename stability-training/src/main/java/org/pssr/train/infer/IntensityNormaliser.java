package org.pssr.train.infer;

import java.util.Locale;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

import org.pssr.crappify.Movie;

/**
 * Maps a movie's intensities linearly so that its low and high percentiles become 0 and 1 (what the
 * network was trained on) and back. Computed once per movie, never per frame or per tile: per-frame
 * normalisation would itself make the output flicker.
 */
public final class IntensityNormaliser {

	public static final double LOW_PERCENT = 0.1;
	public static final double HIGH_PERCENT = 99.9;

	/** Frames sampled when computing the percentiles, and pixels kept from them at most. */
	private static final int SAMPLE_FRAMES = 16;
	private static final int SAMPLE_PIXELS = 1 << 22;

	public static final IntensityNormaliser IDENTITY = new IntensityNormaliser(0, 1);

	private final double low;
	private final double high;

	public IntensityNormaliser(final double low, final double high) {
		this.low = low;
		this.high = high;
	}

	/** The 0.1 / 99.9 percentiles of up to 16 evenly spaced frames of {@code movie}. */
	public static IntensityNormaliser percentiles(final Movie movie) {
		return percentiles(movie, LOW_PERCENT, HIGH_PERCENT);
	}

	public static IntensityNormaliser percentiles(final Movie movie, final double lowPercent,
		final double highPercent)
	{
		final int frames = Math.min(SAMPLE_FRAMES, movie.frames());
		final long pixels = movie.width() * movie.height();
		final int stride = (int) Math.max(1, pixels * frames / SAMPLE_PIXELS);
		final float[] sample = new float[(int) ((pixels + stride - 1) / stride) * frames];
		int n = 0;
		for (int i = 0; i < frames; i++) {
			final int t = frames == 1 ? 0 : (int) Math.round(i * (movie.frames() - 1.0) / (frames - 1));
			final float[] frame = FrameArrays.copy(movie.frame(t));
			for (int p = 0; p < frame.length; p += stride)
				sample[n++] = frame[p];
		}
		final float[] used = n == sample.length ? sample : java.util.Arrays.copyOf(sample, n);
		final double[] range = Percentiles.of(used, lowPercent, highPercent);
		return new IntensityNormaliser(range[0], range[1]);
	}

	/** Percentiles of one frame (for ground truth in the PSSR evaluation). */
	public static IntensityNormaliser percentiles(final RandomAccessibleInterval<FloatType> frame) {
		final double[] range = Percentiles.of(FrameArrays.copy(frame), LOW_PERCENT, HIGH_PERCENT);
		return new IntensityNormaliser(range[0], range[1]);
	}

	public double low() {
		return low;
	}

	public double high() {
		return high;
	}

	/** In place. A flat movie (high == low) maps to 0 rather than to infinities. */
	public void normalise(final float[] values) {
		final double span = high - low;
		final double scale = span > 0 ? 1 / span : 0;
		for (int i = 0; i < values.length; i++)
			values[i] = (float) ((values[i] - low) * scale);
	}

	/** In place. */
	public void denormalise(final float[] values) {
		final double span = high - low;
		for (int i = 0; i < values.length; i++)
			values[i] = (float) (values[i] * span + low);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "[%g, %g] -> [0, 1]", low, high);
	}
}
