package org.pssr.train.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

import org.apache.commons.rng.simple.RandomSource;
import org.pssr.crappify.AbstractMovie;
import org.pssr.crappify.Calibration;
import org.pssr.crappify.Degradation;
import org.pssr.crappify.GaussianBlur;
import org.pssr.crappify.IntensityMap;
import org.pssr.crappify.Logger;
import org.pssr.crappify.Mirror;
import org.pssr.crappify.Movie;
import org.pssr.train.SuperResolutionModel;
import org.pssr.train.infer.FrameArrays;
import org.pssr.train.infer.MovieSuperResolver;

/**
 * Measures a model against the classical answers ({@link Method}) on a ground-truth HR movie and
 * two independent LR acquisitions of it: either the truth degraded twice with a recipe
 * ({@link LrPair#degraded}), or LR movies recorded some other way, such as a simulated camera's.
 * Each LR movie is super-resolved frame by frame alongside its classical answers; the blurs' sigmas
 * are chosen first, on a few frames, by {@link BlurOracle}. Only a few frames per method are held
 * at a time.
 */
public final class Evaluator {

	/** Two independent LR acquisitions of one truth, and what their values mean. */
	public static final class LrPair {

		final Movie first;
		final Movie second;
		final IntensityMap toUnits;
		final IntensityMap modelInput;

		/**
		 * @param toUnits maps the LR movies' values to the truth's normalised units (the units the
		 *          scores of temporal error and noise are in)
		 * @param modelInput maps the LR movies' values to the model's input, as {@code pssr superres}
		 *          maps a movie (the model's normaliser fitted on it)
		 */
		public LrPair(final Movie first, final Movie second, final IntensityMap toUnits,
			final IntensityMap modelInput)
		{
			if (first.width() != second.width() || first.height() != second.height() || first
				.frames() != second.frames()) throw new IllegalArgumentException(
					"the two LR acquisitions differ in size");
			this.first = first;
			this.second = second;
			this.toUnits = toUnits;
			this.modelInput = modelInput;
		}

		/** The first acquisition, the one the evaluation's figure shows. */
		public Movie first() {
			return first;
		}

		/**
		 * The truth in normalised units, degraded twice with {@code degradation}, one noise seed per
		 * frame and draw: the LR data of {@code pssr evaluate}.
		 */
		public static LrPair degraded(final Movie truth, final IntensityMap units,
			final Degradation degradation, final long seed)
		{
			return new LrPair(new DegradedMovie(truth, units, degradation, seed), new DegradedMovie(truth,
				units, degradation, seed + 0x9E3779B97F4A7C15L), IntensityMap.IDENTITY,
				IntensityMap.IDENTITY);
		}
	}

	private final SuperResolutionModel model;
	private final MovieSuperResolver resolver;

	public Evaluator(final SuperResolutionModel model, final MovieSuperResolver resolver) {
		this.model = model;
		this.resolver = resolver;
	}

	/**
	 * Degrades the truth with {@code degradation} and evaluates on that.
	 *
	 * @param units the normalisation the model was trained with, computed for {@code truth}: maps
	 *          the truth to the units the degradation and the model work in
	 * @param figure collects the pictures of the evaluation as it runs; null for none
	 */
	public Evaluation evaluate(final Movie truth, final IntensityMap units,
		final Degradation degradation, final long seed, final EvaluationFigure figure,
		final Logger log)
	{
		if (degradation.scale() != model.scale()) throw new IllegalArgumentException("the model is x" +
			model.scale() + " but the degradation x" + degradation.scale());
		checkTruth(truth, units);
		return evaluate(truth, units, LrPair.degraded(truth, units, degradation, seed), figure, log);
	}

	/**
	 * @param units maps the truth to normalised units (0 and 1 at its percentiles)
	 * @param lr two acquisitions of the truth at the model's scale: {@code scale x} their size
	 *          must fit in the truth, whose top left part they show
	 */
	public Evaluation evaluate(final Movie truth, final IntensityMap units, final LrPair lr,
		final EvaluationFigure figure, final Logger log)
	{
		checkTruth(truth, units);
		final int s = model.scale();
		final int width = (int) lr.first.width();
		final int height = (int) lr.first.height();
		if ((long) width * s > truth.width() || (long) height * s > truth.height() || lr.first
			.frames() != truth.frames()) throw new IllegalArgumentException("the LR movies (" + width +
				" x " + height + ", " + lr.first.frames() + " frames) do not match the truth (" + truth
					.width() + " x " + truth.height() + ", " + truth.frames() + " frames) at x" + s);
		final int hrWidth = width * s;
		final int hrHeight = height * s;
		final LrWindow first = new LrWindow(lr.first, lr.toUnits);
		final LrWindow second = new LrWindow(lr.second, lr.toUnits);
		final Evaluation evaluation = new Evaluation(truth.frames());
		for (final Method m : Method.values())
			if (m.blurred()) evaluation.sigma(m, bestSigma(m, truth, first, hrWidth, hrHeight));

		final Iterator<float[]> modelFirst = resolver.frames(lr.first, lr.modelInput);
		final Iterator<float[]> modelSecond = resolver.frames(lr.second, lr.modelInput);
		if (figure != null) figure.start(truth.frames(), width, height, s);
		float[] previousTruth = null;
		final Map<Method, float[]> previous = new EnumMap<>(Method.class);
		for (int t = 0; t < truth.frames(); t++) {
			final float[] hr = hrCrop(truth.frame(t), hrWidth, hrHeight);
			final Map<Method, float[]> outputs = new EnumMap<>(Method.class);
			final Map<Method, float[]> twins = new EnumMap<>(Method.class);
			outputs.put(Method.MODEL, inUnits(modelFirst.next(), lr.toUnits));
			twins.put(Method.MODEL, inUnits(modelSecond.next(), lr.toUnits));
			for (final Method m : Method.values()) {
				if (m == Method.MODEL) continue;
				outputs.put(m, classical(m, first, t, evaluation.sigma(m)));
				twins.put(m, classical(m, second, t, evaluation.sigma(m)));
			}
			final double[] truthScores = PssrNormalisation.truth(hr);
			final float[] truthUnits = hr.clone();
			units.apply(truthUnits);
			if (figure != null) figure.offer(t, first.frame(t), outputs, truthUnits);
			for (final Method m : Method.values()) {
				final float[] out = outputs.get(m);
				final double[] fitted = PssrNormalisation.fitted(out, truthScores);
				evaluation.frame(m, t, ImageQuality.psnr(truthScores, fitted), ImageQuality.ssim(
					truthScores, fitted, hrWidth, hrHeight));
				evaluation.noise(m, meanAbsDifference(out, twins.get(m)));
				if (previousTruth != null) evaluation.temporal(m, temporalError(out, previous.get(m),
					truthUnits, previousTruth), meanAbsDifference(out, previous.get(m)));
			}
			if (previousTruth != null) evaluation.truthChange(meanAbsDifference(truthUnits,
				previousTruth));
			previous.putAll(outputs);
			previousTruth = truthUnits;
			log.progress("frames", t + 1, truth.frames());
		}
		if (figure != null) figure.finish(evaluation.bestClassical(), evaluation.sigma(evaluation
			.bestClassical()));
		return evaluation;
	}

	private void checkTruth(final Movie truth, final IntensityMap units) {
		final int s = model.scale();
		if (truth.width() / s < 16 || truth.height() / s < 16) throw new IllegalArgumentException(
			"the ground truth (" + truth.width() + " x " + truth.height() + ") is too small to evaluate " +
				"at x" + s);
		if (units.flat()) throw new IllegalArgumentException("the ground truth has no contrast (its " +
			"percentiles are equal): PSNR and SSIM against it would say nothing about the model");
	}

	/** {@link BlurOracle} on frames spread over the movie, the first and the last included. */
	private double bestSigma(final Method method, final Movie truth, final LrWindow lr,
		final int hrWidth, final int hrHeight)
	{
		final int frames = truth.frames();
		final int samples = Math.min(frames, BlurOracle.SAMPLE_FRAMES);
		final List<float[]> upsampled = new ArrayList<>();
		final List<double[]> truths = new ArrayList<>();
		for (int i = 0; i < samples; i++) {
			final int t = samples == 1 ? 0 : (int) Math.round((double) i * (frames - 1) / (samples - 1));
			upsampled.add(classical(method, lr, t, 0));
			truths.add(PssrNormalisation.truth(hrCrop(truth.frame(t), hrWidth, hrHeight)));
		}
		return new BlurOracle(upsampled, truths, hrWidth, hrHeight).bestSigma(model.scale());
	}

	/** A classical answer for frame {@code t}, blurred with {@code sigma} HR pixels when it is one. */
	private float[] classical(final Method method, final LrWindow lr, final int t,
		final double sigma)
	{
		final int s = model.scale();
		final float[] input = method.meanOf() == 3 ? lr.meanOfThree(t) : lr.frame(t);
		final float[] up = method.upsampling().upsample(input, lr.width, lr.height, s);
		return method.blurred() && sigma > 0 ? GaussianBlur.apply(up, lr.width * s, lr.height * s,
			sigma) : up;
	}

	private static float[] inUnits(final float[] values, final IntensityMap toUnits) {
		if (toUnits != IntensityMap.IDENTITY) toUnits.apply(values);
		return values;
	}

	private static float[] hrCrop(final RandomAccessibleInterval<FloatType> frame, final int width,
		final int height)
	{
		final float[] full = FrameArrays.copy(frame);
		final int fullWidth = (int) frame.dimension(0);
		if (fullWidth == width && frame.dimension(1) == height) return full;
		final float[] crop = new float[width * height];
		for (int y = 0; y < height; y++)
			System.arraycopy(full, y * fullWidth, crop, y * width, width);
		return crop;
	}

	/** Mean |(o_t - o_t-1) - (g_t - g_t-1)|: change the truth does not have, i.e. flicker. */
	private static double temporalError(final float[] out, final float[] outBefore,
		final float[] truth, final float[] truthBefore)
	{
		double sum = 0;
		for (int i = 0; i < out.length; i++)
			sum += Math.abs((out[i] - outBefore[i]) - (truth[i] - truthBefore[i]));
		return sum / out.length;
	}

	private static double meanAbsDifference(final float[] a, final float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++)
			sum += Math.abs(a[i] - b[i]);
		return sum / a.length;
	}

	/**
	 * Frames of an LR movie in the truth's units, the last three asked for kept: the classical
	 * answers of frame t read frames t-1 to t+1, mirrored at the movie's ends as the model's window
	 * is.
	 */
	private static final class LrWindow {

		private final Movie movie;
		private final IntensityMap toUnits;
		final int width;
		final int height;
		private final int[] held = { -1, -1, -1 };
		private final float[][] frames = new float[3][];

		LrWindow(final Movie movie, final IntensityMap toUnits) {
			this.movie = movie;
			this.toUnits = toUnits;
			width = (int) movie.width();
			height = (int) movie.height();
		}

		/** Frame {@code t}; the caller must not change it. */
		float[] frame(final int t) {
			final int slot = Math.floorMod(t, 3);
			if (held[slot] != t) {
				frames[slot] = inUnits(FrameArrays.copy(movie.frame(t)), toUnits);
				held[slot] = t;
			}
			return frames[slot];
		}

		float[] meanOfThree(final int t) {
			final int n = movie.frames();
			final float[] before = frame(Mirror.index(t - 1, n));
			final float[] after = frame(Mirror.index(t + 1, n));
			final float[] at = frame(t);
			final float[] mean = new float[at.length];
			for (int i = 0; i < mean.length; i++)
				mean[i] = (before[i] + at[i] + after[i]) / 3;
			return mean;
		}
	}

	/** The truth in normalised units, degraded frame by frame with one noise seed per frame. */
	private static final class DegradedMovie extends AbstractMovie {

		private final Movie truth;
		private final IntensityMap units;
		private final Degradation degradation;
		private final int width;
		private final int height;
		private final long seed;

		DegradedMovie(final Movie truth, final IntensityMap units, final Degradation degradation,
			final long seed)
		{
			super(truth.width() / degradation.scale(), truth.height() / degradation.scale(), truth
				.frames(), scaled(truth.calibration(), degradation.scale()));
			this.truth = truth;
			this.units = units;
			this.degradation = degradation;
			this.width = (int) (truth.width() / degradation.scale());
			this.height = (int) (truth.height() / degradation.scale());
			this.seed = seed;
		}

		@Override
		public RandomAccessibleInterval<FloatType> frame(final int t) {
			final int s = degradation.scale();
			final float[] hr = hrCrop(truth.frame(t), width * s, height * s);
			units.apply(hr);
			final long draw = seed * 31 + t;
			return FrameArrays.wrap(degradation.apply(hr, width * s, height * s,
				RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] { draw, ~draw })), width, height);
		}
	}

	private static Calibration scaled(final Calibration c, final int s) {
		return new Calibration(c.pixelWidth() * s, c.pixelHeight() * s, c.frameInterval());
	}
}
