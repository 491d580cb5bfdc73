package org.pssr.train.eval;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

import org.apache.commons.rng.simple.RandomSource;
import org.pssr.crappify.AbstractMovie;
import org.pssr.crappify.Calibration;
import org.pssr.crappify.Degradation;
import org.pssr.crappify.Logger;
import org.pssr.crappify.Movie;
import org.pssr.train.SuperResolutionModel;
import org.pssr.train.infer.FrameArrays;
import org.pssr.train.infer.MovieSuperResolver;
import org.pssr.crappify.IntensityMap;

/**
 * Measures a model against interpolation on a ground-truth HR movie: the movie is normalised as
 * for training, degraded twice (two independent noise draws), and each LR movie is super-resolved
 * frame by frame alongside its bicubic and bilinear upsampling. Only two frames per method are
 * held at a time.
 */
public final class Evaluator {

	public static final String MODEL = "model";

	private final SuperResolutionModel model;
	private final MovieSuperResolver resolver;
	private final Degradation degradation;
	private final long seed;

	public Evaluator(final SuperResolutionModel model, final MovieSuperResolver resolver,
		final Degradation degradation, final long seed)
	{
		this.model = model;
		this.resolver = resolver;
		if (degradation.scale() != model.scale()) throw new IllegalArgumentException("the model is x" +
			model.scale() + " but the degradation x" + degradation.scale());
		this.degradation = degradation;
		this.seed = seed;
	}

	/**
	 * @param units the normalisation the model was trained with, computed for {@code truth}: maps
	 *          the truth to the units the degradation and the model work in
	 */
	public Evaluation evaluate(final Movie truth, final IntensityMap units,
		final Logger log)
	{
		return evaluate(truth, units, null, log);
	}

	/**
	 * @param figure collects the pictures of the evaluation as it runs; null for none
	 */
	public Evaluation evaluate(final Movie truth, final IntensityMap units,
		final EvaluationFigure figure, final Logger log)
	{
		final int s = model.scale();
		final int width = (int) (truth.width() / s);
		final int height = (int) (truth.height() / s);
		if (width < 16 || height < 16) throw new IllegalArgumentException("the ground truth (" + truth
			.width() + " x " + truth.height() + ") is too small to evaluate at x" + s);
		if (units.flat()) throw new IllegalArgumentException("the ground truth has no contrast (its " +
			"percentiles are equal): PSNR and SSIM against it would say nothing about the model");
		final Movie first = new DegradedMovie(truth, units, width, height, seed);
		final Movie second = new DegradedMovie(truth, units, width, height, seed + 0x9E3779B97F4A7C15L);
		final Iterator<float[]> modelFirst = resolver.frames(first, IntensityMap.IDENTITY);
		final Iterator<float[]> modelSecond = resolver.frames(second, IntensityMap.IDENTITY);

		final List<String> methods = new ArrayList<>();
		methods.add(MODEL);
		for (final Upsampling u : Upsampling.values())
			methods.add(u.label());
		final Evaluation evaluation = new Evaluation(methods, truth.frames());
		if (figure != null) figure.start(truth.frames(), width, height, s);
		float[] previousTruth = null;
		final float[][] previous = new float[methods.size()][];
		for (int t = 0; t < truth.frames(); t++) {
			final float[] hr = hrCrop(truth.frame(t), width * s, height * s);
			final float[] lr1 = FrameArrays.copy(first.frame(t));
			final float[] lr2 = FrameArrays.copy(second.frame(t));
			final float[][] outputs = new float[methods.size()][];
			final float[][] twins = new float[methods.size()][];
			outputs[0] = modelFirst.next();
			twins[0] = modelSecond.next();
			for (int m = 1; m < methods.size(); m++) {
				final Upsampling u = Upsampling.values()[m - 1];
				outputs[m] = u.upsample(lr1, width, height, s);
				twins[m] = u.upsample(lr2, width, height, s);
			}
			final double[] truthScores = PssrNormalisation.truth(hr);
			final float[] truthUnits = hr.clone();
			units.apply(truthUnits);
			if (figure != null) figure.offer(t, lr1, outputs[1 + Upsampling.BICUBIC.ordinal()], outputs[0],
				truthUnits);
			for (int m = 0; m < methods.size(); m++) {
				final double[] fitted = PssrNormalisation.fitted(outputs[m], truthScores);
				evaluation.frame(m, t, ImageQuality.psnr(truthScores, fitted), ImageQuality.ssim(
					truthScores, fitted, width * s, height * s));
				evaluation.noise(m, meanAbsDifference(outputs[m], twins[m]));
				if (previousTruth != null) evaluation.temporal(m, temporalError(outputs[m], previous[m],
					truthUnits, previousTruth), meanAbsDifference(outputs[m], previous[m]),
					meanAbsDifference(truthUnits, previousTruth));
				previous[m] = outputs[m];
			}
			previousTruth = truthUnits;
			log.progress("frames", t + 1, truth.frames());
		}
		return evaluation;
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

	/** The truth in normalised units, degraded frame by frame with one noise seed per frame. */
	private final class DegradedMovie extends AbstractMovie {

		private final Movie truth;
		private final IntensityMap units;
		private final int width;
		private final int height;
		private final long seed;

		DegradedMovie(final Movie truth, final IntensityMap units, final int width,
			final int height, final long seed)
		{
			super(width, height, truth.frames(), scaled(truth.calibration(), model.scale()));
			this.truth = truth;
			this.units = units;
			this.width = width;
			this.height = height;
			this.seed = seed;
		}

		@Override
		public RandomAccessibleInterval<FloatType> frame(final int t) {
			final int s = model.scale();
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
