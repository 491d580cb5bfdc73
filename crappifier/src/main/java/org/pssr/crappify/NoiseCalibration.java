package org.pssr.crappify;

import java.util.Arrays;
import java.util.Locale;

import net.imglib2.type.numeric.real.FloatType;

/**
 * The noise of a real low-resolution acquisition, measured from the movie itself: a camera records
 * {@code offset + gain * photons + read noise}, so a pixel's variance grows linearly with its mean,
 * {@code var = gain * mean + floor}. Differences of consecutive frames remove what does not move,
 * leaving twice the noise variance; binned by the pair's mean, their robust spread gives the line.
 * The offset is the darkest level of the movie (chosen on even frames, measured on odd ones, so
 * the choice does not bias it low) and the read noise the frame-to-frame noise of those darkest
 * pixels, where no photons add to it.
 * Everything is in the movie's own units (camera counts for a raw acquisition).
 */
public final class NoiseCalibration {

	/**
	 * Fewer frames give too few pairs: consecutive ones for the mean-variance relation, odd ones two
	 * apart for the read noise.
	 */
	public static final int MIN_FRAMES = 4;
	private static final int BINS = 48;
	private static final int MAX_SAMPLES = 1 << 22;
	/** Lag-2 differences of a static scene have the variance of lag-1 ones; motion makes them larger. */
	private static final double MAX_LAG_RATIO = 1.5;
	/** Fraction of pixels at the movie's maximum beyond which it is called saturated. */
	private static final double SATURATED = 0.02;

	public final double gain;
	public final double offset;
	public final double readNoise;
	/** The line's value at 0: {@code readNoise^2 - gain * offset} for an ideal camera. */
	public final double floor;
	/** The movie's intensity map (the one inference uses), which the recipe's 0 and 1 stand for. */
	public final double low;
	public final double high;
	/** Coefficient of determination of the line over the bins. */
	public final double r2;
	/** Variance of lag-2 over lag-1 differences: 1 for a static scene. */
	public final double lagRatio;
	public final int pairs;
	public final long samples;

	private NoiseCalibration(final double gain, final double offset, final double readNoise,
		final double floor, final IntensityMap map, final double r2, final double lagRatio,
		final int pairs, final long samples)
	{
		this.gain = gain;
		this.offset = offset;
		this.readNoise = readNoise;
		this.floor = floor;
		this.low = map.low();
		this.high = map.high();
		this.r2 = r2;
		this.lagRatio = lagRatio;
		this.pairs = pairs;
		this.samples = samples;
	}

	/**
	 * @param from first frame, 0-based
	 * @param to end frame, exclusive
	 * @throws IllegalArgumentException with what to do, for a movie that cannot be calibrated
	 */
	public static NoiseCalibration measure(final Movie movie, final int from, final int to,
		final String name)
	{
		final int frames = to - from;
		if (frames < MIN_FRAMES) throw new IllegalArgumentException(name + " has " + frames +
			" frame(s) to calibrate on; the noise is measured between consecutive frames and needs at " +
			"least " + MIN_FRAMES);
		final int pixels = Math.toIntExact(movie.width() * movie.height());
		final int stride = (int) Math.max(1, (long) pixels * (frames - 1) / MAX_SAMPLES);
		final int perPair = (pixels + stride - 1) / stride;
		final int[] pixel = new int[perPair * (frames - 1)];
		final float[] diffs = new float[pixel.length];
		final float[] pairMax = new float[pixel.length];
		final double[] evenSum = new double[pixels];
		final double[] oddSum = new double[pixels];
		final double[] squaredSteps = new double[pixels];
		double lag1 = 0;
		double lag2 = 0;
		long lagCount = 0;
		float max = Float.NEGATIVE_INFINITY;
		long atMax = 0;
		float[] before = null;
		float[] previous = frame(movie, from, name);
		for (int t = from; t < to; t++) {
			final float[] current = t == from ? previous : frame(movie, t, name);
			final double[] sum = (t - from) % 2 == 0 ? evenSum : oddSum;
			for (int i = 0; i < pixels; i++) {
				sum[i] += current[i];
				if (current[i] > max) {
					max = current[i];
					atMax = 0;
				}
				if (current[i] == max) atMax++;
			}
			if (t > from) {
				int s = (t - from - 1) * perPair;
				for (int i = 0; i < pixels; i += stride, s++) {
					pixel[s] = i;
					pairMax[s] = Math.max(current[i], previous[i]);
					diffs[s] = current[i] - previous[i];
				}
			}
			if (before != null && (t - from) % 2 == 1) {
				// odd frames two apart: not the even frames the darkest pixels are chosen on
				for (int i = 0; i < pixels; i++) {
					final double d = current[i] - before[i];
					squaredSteps[i] += d * d;
				}
			}
			if (before != null) {
				for (int i = 0; i < pixels; i += stride) {
					final double d1 = current[i] - previous[i];
					final double d2 = current[i] - before[i];
					lag1 += d1 * d1;
					lag2 += d2 * d2;
					lagCount++;
				}
			}
			before = t == from ? null : previous;
			previous = current;
		}
		if (lag1 == 0) throw new IllegalArgumentException(name + " does not change between frames: " +
			"constant images carry no noise to measure (a copied frame, or a processed movie?)");
		if (atMax > SATURATED * pixels * frames) throw new IllegalArgumentException(String.format(
			Locale.ROOT, "%s is saturated: %.0f%% of its pixels are at its maximum (%s); saturated " +
				"pixels carry no noise. Calibrate on an acquisition without saturation", name, 100.0 * atMax /
					((double) pixels * frames), max));
		final double lagRatio = lag2 / lag1;
		if (lagRatio > MAX_LAG_RATIO) throw new IllegalArgumentException(String.format(Locale.ROOT,
			"%s has no static pixels to calibrate on: frames two apart differ %.1f times as much as " +
				"consecutive ones, so the scene changes between frames. Give --frames of a stretch " +
				"where the sample holds still, or a movie of a fixed sample", name, lagRatio));

		final float[] means = new float[pixels];
		for (int i = 0; i < pixels; i++)
			means[i] = (float) ((evenSum[i] + oddSum[i]) / frames);
		final double[][] bins = bins(means, pixel, diffs, pairMax, max);
		final double[] line = fit(bins);
		final double gain = line[0];
		final double floor = line[1];
		final double lowest = bins[0][0];
		final double highest = bins[bins.length - 1][0];
		final double rise = gain * (highest - lowest);
		if (!(gain > 0) || !(rise > 0.1 * Math.max(gain * lowest + floor, 0))) throw new IllegalArgumentException(String.format(Locale.ROOT,
			"%s shows no shot noise: its variance hardly grows with intensity (slope %.3g). Is it " +
				"a raw acquisition? Denoised, deconvolved or background-subtracted movies cannot be " +
				"calibrated", name, gain));
		final int[] dark = darkest(evenSum);
		double offset = 0;
		double readVariance = 0;
		for (final int i : dark) {
			offset += oddSum[i] / (frames / 2);
			readVariance += squaredSteps[i] / (2.0 * (frames / 2 - 1));
		}
		offset /= dark.length;
		readVariance /= dark.length;
		final IntensityMap map = Normalisation.PSSR.fit(movie, name);
		return new NoiseCalibration(gain, offset, Math.sqrt(readVariance), floor, map, line[2], lagRatio,
			frames - 1, pixel.length);
	}

	/** The recipe that degrades HR tiles (normalised as inference normalises this movie) like it. */
	public CalibratedDegradation recipe(final int scale) {
		return new CalibratedDegradation(scale, gain, offset, readNoise, low, high);
	}

	/** The parameters of the {@link CalibratedDegradation} recipe, for its recipe file. */
	public java.util.Map<String, Double> parameters() {
		return recipe(2).parameters().entrySet().stream().filter(e -> !e.getKey().equals("scale"))
			.collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey,
				java.util.Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new));
	}

	/** What was measured, beside the recipe in its file. */
	public com.google.gson.JsonObject measured() {
		final com.google.gson.JsonObject o = new com.google.gson.JsonObject();
		o.addProperty("noiseFloor", floor);
		o.addProperty("photonsAtHigh", photonsAtHigh());
		o.addProperty("fitR2", r2);
		o.addProperty("lagRatio", lagRatio);
		o.addProperty("framePairs", pairs);
		o.addProperty("samples", samples);
		o.addProperty("blur", "not estimated: the recipe's blur is the downsampling's area average");
		return o;
	}

	/** Photons a pixel at the movie's upper percentile collects. */
	public double photonsAtHigh() {
		return Math.max(0, high - offset) / gain;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "gain %.4g per photon, offset %.4g, read noise %.4g (s.d.); " +
			"%.0f photons at the upper percentile %.4g; fit R^2 %.3f over %d frame pairs, lag ratio %.2f",
			gain, offset, readNoise, photonsAtHigh(), high, r2, pairs, lagRatio);
	}

	private static float[] frame(final Movie movie, final int t, final String name) {
		final float[] values = new float[Math.toIntExact(movie.width() * movie.height())];
		int i = 0;
		for (final FloatType v : movie.frame(t)) {
			final float f = v.get();
			if (!Float.isFinite(f)) throw new IllegalArgumentException(name + ": frame " + (t + 1) +
				" has NaN or infinite values");
			values[i++] = f;
		}
		return values;
	}

	/**
	 * Equal-count bins of the pixels' temporal means: {mean, noise variance, count} each. The mean
	 * over all frames rather than the pair's: binning by a noisy mean would pull each bin's mean
	 * towards the others' and flatten the line, and a frame difference is independent of the sum of
	 * the frames. Pairs touching the maximum (clipped) are left out; in each bin, differences beyond
	 * 5 robust standard deviations (something moved) are too.
	 */
	private static double[][] bins(final float[] means, final int[] pixel, final float[] diffs,
		final float[] pairMax, final float max)
	{
		final Integer[] order = new Integer[pixel.length];
		int n = 0;
		for (int s = 0; s < pixel.length; s++)
			if (pairMax[s] < max) order[n++] = s;
		final Integer[] kept = Arrays.copyOf(order, n);
		Arrays.sort(kept, (a, b) -> Float.compare(means[pixel[a]], means[pixel[b]]));
		final double[][] out = new double[BINS][];
		for (int b = 0; b < BINS; b++) {
			final int start = (int) ((long) n * b / BINS);
			final int end = (int) ((long) n * (b + 1) / BINS);
			final double[] d = new double[end - start];
			double m = 0;
			for (int i = start; i < end; i++) {
				d[i - start] = diffs[kept[i]];
				m += means[pixel[kept[i]]];
			}
			out[b] = new double[] { m / Math.max(1, d.length), robustVariance(d) / 2, d.length };
		}
		return out;
	}

	/** Variance of {@code d} without the values beyond 5 robust standard deviations of its median. */
	private static double robustVariance(final double[] d) {
		if (d.length < 2) return Double.NaN;
		final double[] sorted = d.clone();
		Arrays.sort(sorted);
		final double median = sorted[sorted.length / 2];
		final double[] dev = new double[sorted.length];
		for (int i = 0; i < dev.length; i++)
			dev[i] = Math.abs(sorted[i] - median);
		Arrays.sort(dev);
		final double limit = 5 * 1.4826 * dev[dev.length / 2];
		double sum = 0;
		double sum2 = 0;
		int n = 0;
		for (final double v : d) {
			if (limit > 0 && Math.abs(v - median) > limit) continue;
			sum += v;
			sum2 += v * v;
			n++;
		}
		final double mean = sum / n;
		return (sum2 - n * mean * mean) / (n - 1);
	}

	/**
	 * Least squares of variance on mean, first by bin counts alone, then refitted with weights of the
	 * inverse square of the line's variance (the error of a variance estimate grows with it),
	 * leaving out bins more than 6 standard errors off the line: a bin that straddles a gap in the
	 * movie's intensities mixes two noise levels that the robust spread does not average. Gives
	 * {slope, intercept, R^2}.
	 */
	private static double[] fit(final double[][] bins) {
		final boolean[] used = new boolean[bins.length];
		for (int b = 0; b < bins.length; b++)
			used[b] = Double.isFinite(bins[b][1]) && bins[b][2] >= 2;
		double[] line = line(bins, used, null);
		for (int round = 0; round < 3; round++) {
			for (int b = 0; b < bins.length; b++) {
				if (!used[b]) continue;
				final double expected = Math.max(line[0] * bins[b][0] + line[1], 1e-30);
				final double error = expected * Math.sqrt(2 / bins[b][2]);
				if (Math.abs(bins[b][1] - expected) > 6 * error) used[b] = false;
			}
			line = line(bins, used, line);
		}
		return line;
	}

	private static double[] line(final double[][] bins, final boolean[] used, final double[] previous) {
		double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
		for (int b = 0; b < bins.length; b++) {
			if (!used[b]) continue;
			final double v = previous == null ? 1 : previous[0] * bins[b][0] + previous[1];
			final double w = bins[b][2] / Math.max(v * v, 1e-30);
			sw += w;
			sx += w * bins[b][0];
			sy += w * bins[b][1];
			sxx += w * bins[b][0] * bins[b][0];
			sxy += w * bins[b][0] * bins[b][1];
		}
		final double slope = (sw * sxy - sx * sy) / (sw * sxx - sx * sx);
		final double intercept = (sy - slope * sx) / sw;
		double ssRes = 0, ssTot = 0;
		final double meanY = sy / sw;
		for (int b = 0; b < bins.length; b++) {
			if (!used[b]) continue;
			final double v = previous == null ? 1 : previous[0] * bins[b][0] + previous[1];
			final double w = bins[b][2] / Math.max(v * v, 1e-30);
			ssRes += w * Math.pow(bins[b][1] - (slope * bins[b][0] + intercept), 2);
			ssTot += w * Math.pow(bins[b][1] - meanY, 2);
		}
		return new double[] { slope, intercept, ssTot > 0 ? 1 - ssRes / ssTot : 0 };
	}

	/**
	 * The darkest 1 % of pixels by their sum over even frames; measured on odd frames, their level
	 * is not biased low by the choice. Where the sample is dark, that level is the camera's offset and
	 * their frame-to-frame steps its read noise; elsewhere, the background's level and noise.
	 */
	private static int[] darkest(final double[] evenSum) {
		final Integer[] order = new Integer[evenSum.length];
		for (int i = 0; i < order.length; i++)
			order[i] = i;
		Arrays.sort(order, (a, b) -> Double.compare(evenSum[a], evenSum[b]));
		final int[] out = new int[Math.max(1, order.length / 100)];
		for (int i = 0; i < out.length; i++)
			out[i] = order[i];
		return out;
	}
}
