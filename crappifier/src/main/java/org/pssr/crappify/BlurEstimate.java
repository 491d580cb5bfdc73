package org.pssr.crappify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import net.imglib2.type.numeric.real.FloatType;

/**
 * How much more blurred a low-resolution acquisition is than high-resolution movies of the same kind
 * of sample made low-resolution by averaging pixels alone: the sigma (in HR pixels) of the Gaussian
 * blur before the downsampling that makes their radial power spectra the same shape. The LR movie's
 * spectrum has its white noise (known from the {@link NoiseCalibration}) taken off and is compared,
 * on the frequencies where its signal is above its noise, in log power up to a constant (the two
 * samples' brightness and contrast differ); the HR movies' spectra are averaged with equal weights.
 * It measures the blur against those HR movies, which is what a recipe needs: blurred by it, their
 * twins look as sharp as the acquisition.
 */
public final class BlurEstimate {

	/** Sigmas tried first, in LR pixels; then refined between the best one's neighbours. */
	private static final double[] GRID = { 0, 0.125, 0.25, 0.375, 0.5, 0.75, 1, 1.5, 2, 3 };
	private static final int REFINEMENTS = 8;
	private static final int MAX_SIDE = 64;
	private static final int FRAMES = 8;
	private static final int HR_FRAMES = 4;
	/** The least number of rings above the noise to compare. */
	private static final int MIN_RINGS = 3;

	/** In HR pixels. */
	public final double sigma;
	/** Root mean square of the log-power mismatch at {@link #sigma}, in natural log units. */
	public final double mismatch;
	/** Spatial frequency rings compared, of the LR crop's. */
	public final int rings;
	public final int side;

	private BlurEstimate(final double sigma, final double mismatch, final int rings, final int side) {
		this.sigma = sigma;
		this.mismatch = mismatch;
		this.rings = rings;
		this.side = side;
	}

	/**
	 * Refuses, before any work, an acquisition too small to measure its blur or HR movies too small
	 * to compare it with.
	 */
	public static void checkSizes(final Movie lr, final List<? extends Movie> hr, final int scale,
		final String name)
	{
		final int side = side(lr);
		if (side < 16) throw new IllegalArgumentException(name + " is too small (" + lr.width() + " x " +
			lr.height() + ") to measure its blur: it needs 16 x 16 pixels or more");
		if (hr.stream().noneMatch(m -> m.width() >= side * scale && m.height() >= side * scale))
			throw new IllegalArgumentException("no high-resolution movie is " + side * scale + " x " +
				side * scale + " pixels or larger, to compare " + name + " with at x" + scale);
	}

	private static int side(final Movie lr) {
		return powerOfTwoBelow(Math.min(Math.min(lr.width(), lr.height()), MAX_SIDE));
	}

	/**
	 * @param lr the acquisition, in its own units (camera counts)
	 * @param noise its noise, measured on it
	 * @param hr high-resolution movies of the same kind of sample
	 * @param scale the downsampling factor between them
	 * @throws IllegalArgumentException naming what is missing, when the comparison cannot be made
	 */
	public static BlurEstimate measure(final Movie lr, final NoiseCalibration noise,
		final List<? extends Movie> hr, final int scale, final String name)
	{
		checkSizes(lr, hr, scale, name);
		final int side = side(lr);
		final double[] measured = new double[side / 2];
		double noisePower = 0;
		final int[] frames = spread(lr.frames(), FRAMES);
		for (final int t : frames) {
			final float[] crop = crop(frame(lr, t), (int) lr.width(), (int) lr.height(), side);
			double variance = 0;
			for (final float v : crop)
				variance += noise.variance(v);
			noisePower += RadialSpectrum.whiteNoise(variance / crop.length, side);
			add(measured, RadialSpectrum.of(crop, side));
		}
		for (int k = 0; k < measured.length; k++)
			measured[k] /= frames.length;
		noisePower /= frames.length;
		final List<Integer> rings = new ArrayList<>();
		for (int k = 1; k < measured.length; k++)
			if (measured[k] > 2 * noisePower) rings.add(k);
		if (rings.size() < MIN_RINGS) throw new IllegalArgumentException(String.format(Locale.ROOT,
			"%s: its structures stand above its noise at %d spatial frequencies only; too noisy or too " +
				"smooth to measure its blur against", name, rings.size()));
		final double[] signal = new double[measured.length];
		for (final int k : rings)
			signal[k] = measured[k] - noisePower;
		final List<float[]> tiles = hrTiles(hr, side * scale);

		final Mismatch m = new Mismatch(signal, rings, tiles, side, scale);
		int best = 0;
		final double[] scores = new double[GRID.length];
		for (int i = 0; i < GRID.length; i++) {
			scores[i] = m.at(GRID[i] * scale);
			if (scores[i] < scores[best]) best = i;
		}
		double a = GRID[Math.max(0, best - 1)] * scale;
		double b = GRID[Math.min(GRID.length - 1, best + 1)] * scale;
		final double golden = (Math.sqrt(5) - 1) / 2;
		double c = b - golden * (b - a);
		double d = a + golden * (b - a);
		double fc = m.at(c);
		double fd = m.at(d);
		for (int i = 0; i < REFINEMENTS; i++) {
			if (fc < fd) {
				b = d;
				d = c;
				fd = fc;
				c = b - golden * (b - a);
				fc = m.at(c);
			}
			else {
				a = c;
				c = d;
				fc = fd;
				d = a + golden * (b - a);
				fd = m.at(d);
			}
		}
		final double refined = fc < fd ? c : d;
		final double refinedScore = Math.min(fc, fd);
		return refinedScore < scores[best] ? new BlurEstimate(refined, refinedScore, rings.size(), side)
			: new BlurEstimate(GRID[best] * scale, scores[best], rings.size(), side);
	}

	/** The log-spectrum mismatch of the LR signal and the HR tiles blurred by a sigma. */
	private static final class Mismatch {

		private final double[] signal;
		private final List<Integer> rings;
		private final List<float[]> tiles;
		private final int side;
		private final int scale;

		Mismatch(final double[] signal, final List<Integer> rings, final List<float[]> tiles,
			final int side, final int scale)
		{
			this.signal = signal;
			this.rings = rings;
			this.tiles = tiles;
			this.side = side;
			this.scale = scale;
		}

		double at(final double sigma) {
			final double[] model = new double[side / 2];
			final int hrSide = side * scale;
			for (final float[] tile : tiles) {
				final double[] p = RadialSpectrum.of(Tiles.downsample(GaussianBlur.apply(tile, hrSide,
					hrSide, sigma), hrSide, hrSide, scale), side);
				// each tile's shape counts alike, whatever its contrast
				double total = 0;
				for (final int k : rings)
					total += p[k];
				for (int k = 0; k < p.length; k++)
					model[k] += p[k] / Math.max(total, 1e-30);
			}
			double mean = 0;
			for (final int k : rings)
				mean += Math.log(signal[k]) - Math.log(Math.max(model[k], 1e-300));
			mean /= rings.size();
			double sum = 0;
			for (final int k : rings) {
				final double d = Math.log(signal[k]) - Math.log(Math.max(model[k], 1e-300)) - mean;
				sum += d * d;
			}
			return Math.sqrt(sum / rings.size());
		}
	}

	/** Centre crops of {@code side} of a few frames of each HR movie, normalised as PSSR does. */
	private static List<float[]> hrTiles(final List<? extends Movie> hr, final int side) {
		final List<float[]> tiles = new ArrayList<>();
		for (final Movie movie : hr) {
			if (movie.width() < side || movie.height() < side) continue;
			final IntensityMap map = Normalisation.PSSR.fit(movie, "a high-resolution movie");
			for (final int t : spread(movie.frames(), HR_FRAMES)) {
				final float[] crop = crop(frame(movie, t), (int) movie.width(), (int) movie.height(), side);
				map.apply(crop);
				tiles.add(crop);
			}
		}
		return tiles;
	}

	private static float[] crop(final float[] image, final int width, final int height,
		final int side)
	{
		final int x0 = (width - side) / 2;
		final int y0 = (height - side) / 2;
		final float[] out = new float[side * side];
		for (int y = 0; y < side; y++)
			System.arraycopy(image, (y0 + y) * width + x0, out, y * side, side);
		return out;
	}

	private static float[] frame(final Movie movie, final int t) {
		final float[] values = new float[Math.toIntExact(movie.width() * movie.height())];
		int i = 0;
		for (final FloatType v : movie.frame(t))
			values[i++] = v.get();
		return values;
	}

	private static void add(final double[] sum, final double[] values) {
		for (int i = 0; i < sum.length; i++)
			sum[i] += values[i];
	}

	private static int[] spread(final int frames, final int n) {
		final int count = Math.min(n, frames);
		final int[] out = new int[count];
		for (int i = 0; i < count; i++)
			out[i] = count == 1 ? 0 : (int) Math.round((double) i * (frames - 1) / (count - 1));
		return out;
	}

	private static int powerOfTwoBelow(final long n) {
		return Integer.highestOneBit((int) Math.max(1, n));
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "blur sigma %.2f HR px (log-spectrum mismatch %.3f over %d " +
			"frequencies of a %d px crop)", sigma, mismatch, rings, side);
	}
}
