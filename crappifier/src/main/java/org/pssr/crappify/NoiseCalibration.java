package org.pssr.crappify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.JsonObject;

import net.imglib2.type.numeric.real.FloatType;

/**
 * The noise of a real low-resolution acquisition, measured from the movie itself: a camera records
 * {@code offset + gain * photons + read noise}, so a pixel's variance grows linearly with its mean,
 * {@code var = gain * mean + floor}. Two estimates of that line: from single frames
 * ({@link SingleFrameNoise}: the finest wavelet details of smooth regions, which works however much
 * the sample moves) and, with four frames or more, from consecutive frames where the sample holds
 * still ({@link StillPixelNoise}: frame differences, free of any texture). Both can only be inflated,
 * by texture and by motion, so the lower of the two is taken (the still pixels' only where they cover
 * the movie's intensities), and where they differ by more than {@value #AGREEMENT} a warning says so. The recipe needs an offset and a read noise: any pair whose {@code readNoise^2 - gain *
 * offset} is the line's intercept gives the line above the offset, and the offset is put at the
 * movie's darkest level (its lower percentile, or the line's zero if that is higher), so that the line
 * holds for every pixel. It is the camera's offset only where some pixels saw no light at all.
 * Everything is in the movie's own units (camera counts for a raw acquisition).
 */
public final class NoiseCalibration {

	/** One frame is enough for the single-frame estimate. */
	public static final int MIN_FRAMES = 1;
	/** Frames the still-pixel estimate needs: a pair and a frame on either side to judge it by. */
	public static final int STILL_FRAMES = 4;
	/** The largest relative difference of the two estimates' variances that counts as agreement. */
	public static final double AGREEMENT = 0.2;
	/**
	 * Beyond this scatter of the bins about the line, in standard errors of their variances, the
	 * variance does not follow one line: refused.
	 */
	public static final double MAX_SCATTER = 3;
	private static final int SAMPLE_FRAMES = 16;
	/** Fraction of pixels at the movie's maximum beyond which it is called saturated. */
	private static final double SATURATED = 0.02;
	/** Fraction of pixels at the movie's minimum or maximum beyond which they are taken as clipped. */
	private static final double CLIPPED = 1e-4;
	/** The still pixels' levels must reach this far into the single frames' range to be used. */
	private static final double COVERAGE = 0.7;
	/**
	 * How much the variance must grow over the measured levels, as a share of its value at the
	 * darkest, to be shot noise: Gaussian noise alone, which denoised or processed movies keep, gives
	 * a rise within the estimate's error.
	 */
	private static final double MIN_RISE = 0.3;
	/** The least share of the movie's intensity range the measurements must span. */
	public static final double MIN_COVERAGE = 0.2;

	/** Which estimate the recipe comes from. */
	public enum Method {
		SINGLE_FRAMES("single frames"), STILL_PIXELS("pixels that hold still");

		private final String label;

		Method(final String label) {
			this.label = label;
		}

		@Override
		public String toString() {
			return label;
		}
	}

	public final double gain;
	public final double offset;
	public final double readNoise;
	/** The line's value at 0: {@code readNoise^2 - gain * offset} for an ideal camera. */
	public final double floor;
	/** The movie's intensity map (the one inference uses), which the recipe's 0 and 1 stand for. */
	public final double low;
	public final double high;
	/** Coefficient of determination of the chosen line over its bins. */
	public final double r2;
	/** The bins' scatter about the chosen line, in standard errors of their variances. */
	public final double scatter;
	/**
	 * The share of the movie's intensity range (between its percentiles) that the chosen line's
	 * measurements span: beyond it, the line is extrapolated.
	 */
	public final double coverage;
	public final Method method;
	/** Smooth blocks of the single frames, as a fraction of all. */
	public final double smoothFraction;
	/** Pixels that held still, as a fraction of those judged; NaN with fewer than four frames. */
	public final double stillFraction;
	/**
	 * The largest relative difference between the two estimates' variances at a tenth, half and nine
	 * tenths of the intensity range; NaN when there is one estimate only.
	 */
	public final double disagreement;
	/** What the user should know about the measurement, each a sentence. */
	public final List<String> warnings;
	private final VarianceLine chosen;
	private final VarianceLine singleFrames;
	private final VarianceLine stillPixels;

	private NoiseCalibration(final VarianceLine chosen, final Method method, final double offset,
		final double readNoise, final IntensityMap map, final VarianceLine singleFrames,
		final double smoothFraction, final VarianceLine stillPixels, final double stillFraction,
		final double disagreement, final List<String> warnings)
	{
		this.chosen = chosen;
		this.gain = chosen.slope;
		this.floor = chosen.intercept;
		this.r2 = chosen.r2;
		this.scatter = chosen.scatter;
		this.coverage = coverage(chosen, map);
		this.method = method;
		this.offset = offset;
		this.readNoise = readNoise;
		this.low = map.low();
		this.high = map.high();
		this.singleFrames = singleFrames;
		this.smoothFraction = smoothFraction;
		this.stillPixels = stillPixels;
		this.stillFraction = stillFraction;
		this.disagreement = disagreement;
		this.warnings = Collections.unmodifiableList(warnings);
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
		if (frames < MIN_FRAMES) throw new IllegalArgumentException(name + " has no frame to " +
			"calibrate on");
		final int width = Math.toIntExact(movie.width());
		final int height = Math.toIntExact(movie.height());
		if (width < 8 || height < 8) throw new IllegalArgumentException(name + " (" + width + " x " +
			height + ") is too small to measure its noise: it needs 8 x 8 pixels or more");
		final List<float[]> sampled = new ArrayList<>();
		for (final int t : spread(from, to, SAMPLE_FRAMES))
			sampled.add(frame(movie, t, name));
		final Range range = Range.of(sampled);
		if (range.constantFrames) throw new IllegalArgumentException(name + " has constant frames: " +
			"constant images carry no noise to measure (a copied frame, or a processed movie?)");
		if (range.atMax > SATURATED * range.pixels) throw new IllegalArgumentException(String.format(
			Locale.ROOT, "%s is saturated: %.0f%% of its pixels are at its maximum (%s); saturated " +
				"pixels carry no noise. Calibrate on an acquisition without saturation", name, 100.0 *
					range.atMax / range.pixels, range.max));
		final float clipLow = range.atMin > CLIPPED * range.pixels ? range.min : Float.NaN;
		final float clipHigh = range.atMax > CLIPPED * range.pixels ? range.max : Float.NaN;

		final SingleFrameNoise single = new SingleFrameNoise(clipLow, clipHigh);
		final VarianceLine spatial = single.measure(sampled, width, height);
		if (spatial == null) throw new IllegalArgumentException(name + " has too few smooth, " +
			"unclipped regions to measure its noise in (" + width + " x " + height + ", " + frames +
			" frames)");
		VarianceLine temporal = null;
		double stillFraction = Double.NaN;
		if (frames >= STILL_FRAMES) {
			// the pair (t, t+1) with up to three frames on either side: each pair of them is one more
			// chance to see motion, and they give the pixel's level with less noise
			final int side = Math.min(3, (frames - 2) / 2);
			final List<float[][]> runs = new ArrayList<>();
			for (final int t : spread(from + side, to - side - 1, SAMPLE_FRAMES)) {
				final float[][] run = new float[2 * side + 2][];
				for (int k = 0; k < run.length; k++)
					run[k] = frame(movie, t - side + k, name);
				runs.add(run);
			}
			final StillPixelNoise still = new StillPixelNoise(clipLow, clipHigh);
			temporal = still.measure(runs, width, height, spatial);
			stillFraction = still.stillFraction;
		}

		final List<String> warnings = new ArrayList<>();
		final double lowest = spatial.lowest();
		final double span = spatial.highest() - lowest;
		final double[] levels = { lowest + 0.1 * span, lowest + 0.5 * span, lowest + 0.9 * span };
		final IntensityMap map = Normalisation.PSSR.fit(movie, name);
		VarianceLine chosen = spatial;
		Method method = Method.SINGLE_FRAMES;
		double disagreement = Double.NaN;
		if (temporal != null) {
			disagreement = 0;
			for (final double level : levels)
				disagreement = Math.max(disagreement, Math.abs(temporal.at(level) - spatial.at(level)) /
					Math.max(spatial.at(level), 1e-12));
			final boolean covers = temporal.lowest() <= lowest + (1 - COVERAGE) * span && temporal
				.highest() >= lowest + COVERAGE * span;
			// both can only be inflated, so the lower line is the nearer one, where it spans enough of
			// the movie's intensities to be a line at all
			final boolean stillLower = temporal.at(levels[1]) < spatial.at(levels[1]);
			final boolean stillUsable = covers && coverage(temporal, map) >= MIN_COVERAGE;
			if (stillUsable && (stillLower || coverage(spatial, map) < MIN_COVERAGE)) {
				chosen = temporal;
				method = Method.STILL_PIXELS;
			}
			if (disagreement > AGREEMENT) {
				warnings.add(String.format(Locale.ROOT, "the noise of single frames and of the pixels " +
					"that hold still differ by up to %.0f%%; both can only be inflated (by texture, by " +
					"motion), so the lower one that spans the movie's intensities, %s, is used; check the result " +
					"with pssr evaluate --recipe",
					100 * disagreement, method));
			}
		}
		final double gain = chosen.slope;
		if (!Double.isFinite(gain) || !Double.isFinite(chosen.intercept)) throw new IllegalArgumentException(
			name + " carries no noise to measure: its smooth regions are noise-free (a synthetic or " +
				"processed movie?)");
		final double rise = gain * span;
		if (!(gain > 0) || !(rise > MIN_RISE * Math.max(chosen.at(lowest), 0))) throw new IllegalArgumentException(String.format(Locale.ROOT,
			"%s shows no shot noise: its variance hardly grows with intensity (slope %.3g). Is it " +
				"a raw acquisition? Denoised, deconvolved or background-subtracted movies cannot be " +
				"calibrated", name, gain));
		if (chosen.scatter > MAX_SCATTER) throw new IllegalArgumentException(String.format(Locale.ROOT,
			"%s: its noise does not follow one line of variance against intensity (the %s estimate's " +
				"levels scatter %.1f times their standard error about it; a camera's about 1): a " +
				"processed or composite movie? Calibrate on a raw acquisition", name, method,
			chosen.scatter));
		if (coverage(chosen, map) < MIN_COVERAGE) throw new IllegalArgumentException(String.format(
			Locale.ROOT, "%s: the regions smooth or still enough to measure the noise in span only %.0f%% " +
				"of its intensities (from %.4g to %.4g of %.4g to %.4g): too small or too dark a movie " +
				"to tell how the noise grows with intensity. Calibrate on a larger field with more bright " +
				"structures", name, 100 * coverage(chosen, map), chosen.lowest(), chosen.highest(), map
					.low(), map.high()));
		// any offset and read noise with readNoise^2 - gain * offset = the line's intercept give the
		// line above the offset: the lowest level of the movie keeps the line down to its darkest pixels
		double offset = Math.min(lowest, map.low());
		double readVariance = chosen.at(offset);
		if (readVariance < 0) {
			offset = -chosen.intercept / gain;
			readVariance = 0;
		}
		return new NoiseCalibration(chosen, method, offset, Math.sqrt(Math.max(0, readVariance)), map,
			spatial, single.smoothFraction, temporal, stillFraction, disagreement, warnings);
	}

	private static double coverage(final VarianceLine line, final IntensityMap map) {
		return map.flat() ? 0 : (line.highest() - line.lowest()) / (map.high() - map.low());
	}

	/**
	 * The recipe that degrades HR tiles (normalised as inference normalises this movie) like it.
	 *
	 * @param blur the optics' blur in HR pixels ({@link BlurEstimate}); 0 when not measured
	 */
	public CalibratedDegradation recipe(final int scale, final double blur) {
		return new CalibratedDegradation(scale, gain, offset, readNoise, low, high, blur);
	}

	/** The parameters of the {@link CalibratedDegradation} recipe, for its recipe file. */
	public Map<String, Double> parameters(final double blur) {
		final Map<String, Double> p = new LinkedHashMap<>(recipe(2, blur).parameters());
		p.remove("scale");
		return p;
	}

	/** The variance of a grey level whose expected value is {@code counts}, as measured. */
	public double variance(final double counts) {
		return gain * Math.max(0, counts - offset) + readNoise * readNoise;
	}

	/** What was measured, beside the recipe in its file. */
	public JsonObject measured() {
		final JsonObject o = new JsonObject();
		o.addProperty("method", method.toString());
		o.addProperty("noiseFloor", floor);
		o.addProperty("photonsAtHigh", photonsAtHigh());
		o.addProperty("fitR2", r2);
		o.addProperty("fitScatter", scatter);
		o.addProperty("coverage", coverage);
		o.add("singleFrames", line(singleFrames));
		o.addProperty("smoothFraction", smoothFraction);
		if (stillPixels != null) o.add("stillPixels", line(stillPixels));
		if (Double.isFinite(stillFraction)) o.addProperty("stillFraction", stillFraction);
		if (Double.isFinite(disagreement)) o.addProperty("disagreement", disagreement);
		final com.google.gson.JsonArray w = new com.google.gson.JsonArray();
		warnings.forEach(w::add);
		o.add("warnings", w);
		return o;
	}

	private static JsonObject line(final VarianceLine line) {
		final JsonObject o = new JsonObject();
		o.addProperty("gain", line.slope);
		o.addProperty("floor", line.intercept);
		o.addProperty("fitR2", line.r2);
		o.addProperty("fitScatter", line.scatter);
		o.addProperty("samples", line.samples);
		return o;
	}

	/**
	 * One level of the measurement the recipe comes from: the mean intensity of a bin of noise
	 * samples and their variance, as a plot of the fit shows them.
	 */
	public static final class Level {

		public final double mean;
		public final double variance;
		/** False for a bin the fit left out (too few samples, or far off the line). */
		public final boolean used;

		Level(final double mean, final double variance, final boolean used) {
			this.mean = mean;
			this.variance = variance;
			this.used = used;
		}
	}

	/** The levels the chosen estimate ({@link #method}) was fitted to, darkest first. */
	public List<Level> levels() {
		final List<Level> levels = new ArrayList<>(chosen.bins.size());
		for (final VarianceLine.Bin b : chosen.bins)
			levels.add(new Level(b.mean, b.variance, b.used));
		return Collections.unmodifiableList(levels);
	}

	/** Photons a pixel at the movie's upper percentile collects. */
	public double photonsAtHigh() {
		return Math.max(0, high - offset) / gain;
	}

	@Override
	public String toString() {
		final StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "gain %.4g per photon, " +
			"offset %.4g, read noise %.4g (s.d.); %.0f photons at the upper percentile %.4g; from %s " +
			"(fit R^2 %.3f, scatter %.1f)", gain, offset, readNoise, photonsAtHigh(), high, method, r2,
			scatter));
		if (stillPixels != null) s.append(String.format(Locale.ROOT, "; single frames %s gain %.4g, " +
			"still pixels (%.0f%%) %.4g", method == Method.SINGLE_FRAMES ? "(used)" : "", singleFrames.slope,
			100 * stillFraction, stillPixels.slope));
		return s.toString();
	}

	/** At most {@code n} frames of {@code [from, to)}, spread evenly, the first and last included. */
	private static int[] spread(final int from, final int to, final int n) {
		final int count = Math.min(n, to - from);
		final int[] out = new int[count];
		for (int i = 0; i < count; i++)
			out[i] = count == 1 ? from : from + (int) Math.round((double) i * (to - 1 - from) / (count - 1));
		return out;
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

	/** The extremes of the sampled frames and how many pixels sit at them. */
	private static final class Range {

		float min = Float.POSITIVE_INFINITY;
		float max = Float.NEGATIVE_INFINITY;
		long atMin;
		long atMax;
		long pixels;
		boolean constantFrames = true;

		static Range of(final List<float[]> frames) {
			final Range r = new Range();
			for (final float[] f : frames) {
				float frameMin = Float.POSITIVE_INFINITY;
				float frameMax = Float.NEGATIVE_INFINITY;
				for (final float v : f) {
					frameMin = Math.min(frameMin, v);
					frameMax = Math.max(frameMax, v);
				}
				if (frameMax > frameMin) r.constantFrames = false;
				r.min = Math.min(r.min, frameMin);
				r.max = Math.max(r.max, frameMax);
			}
			for (final float[] f : frames)
				for (final float v : f) {
					if (v == r.min) r.atMin++;
					if (v == r.max) r.atMax++;
				}
			r.pixels = (long) frames.size() * frames.get(0).length;
			return r;
		}
	}
}
