package org.pssr.train.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

import org.junit.jupiter.api.Test;
import org.pssr.crappify.GaussianBlur;
import org.pssr.crappify.AbstractMovie;
import org.pssr.crappify.Calibration;
import org.pssr.crappify.Degradation;
import org.pssr.crappify.IntensityMap;
import org.pssr.crappify.GaussianDegradation;
import org.pssr.crappify.Movie;
import org.pssr.train.SuperResolutionModel;
import org.pssr.crappify.Normalisation;
import org.pssr.train.infer.FrameArrays;
import org.pssr.train.infer.MovieSuperResolver;
import org.pssr.crappify.Logger;
import org.pssr.train.infer.TiledPredictor;
import org.pssr.testing.TestModel;

class EvaluatorTest {

	private static final int SCALE = 2;
	private static final Movie TRUTH = new DriftingBlobs(64, 48, 5, 0.7);

	@Test
	void aModelThatIsBicubicScoresExactlyAsBicubic() {
		final Evaluation e = evaluate(new WindowBicubic(0, 1, 0), new GaussianDegradation(SCALE, 0.02));
		assertEquals(e.meanPsnr(Method.BICUBIC), e.meanPsnr(Method.MODEL), 1e-4);
		assertEquals(e.meanSsim(Method.BICUBIC), e.meanSsim(Method.MODEL), 1e-5);
		assertEquals(e.noiseDifference(Method.BICUBIC), e.noiseDifference(Method.MODEL), 1e-5);
		assertTrue(e.meanPsnr(Method.BICUBIC) > 15 && e.meanPsnr(Method.BICUBIC) < 60, e.summary());
		assertTrue(e.meanSsim(Method.BILINEAR) > 0 && e.meanSsim(Method.BILINEAR) < 1, e.summary());
	}

	@Test
	void noiseDifferenceIsZeroWithoutNoiseAndAveragingFramesReducesIt() {
		final Evaluation clean = evaluate(new WindowBicubic(0, 1, 0), new GaussianDegradation(SCALE, 0));
		assertEquals(0, clean.noiseDifference(Method.MODEL), 1e-9);
		final Evaluation noisy = evaluate(new WindowBicubic(1 / 3f, 1 / 3f, 1 / 3f),
			new GaussianDegradation(SCALE, 0.05));
		assertTrue(noisy.noiseDifference(Method.BICUBIC) > 0.01, noisy.summary());
		assertTrue(noisy.noiseDifference(Method.MODEL) < 0.7 * noisy.noiseDifference(Method.BICUBIC),
			noisy.summary());
		assertTrue(noisy.temporalError(Method.MODEL) < noisy.temporalError(Method.BICUBIC), noisy
			.summary());
	}

	@Test
	void onNoisyDataTheBestBlurBeatsBicubicAndAMeanOfThreeFramesOnAStillSceneBeatsOneFrame() {
		final Evaluation noisy = evaluate(new WindowBicubic(0, 1, 0), new GaussianDegradation(SCALE,
			0.08));
		assertTrue(noisy.sigma(Method.BLUR) > 0.5, noisy.summary());
		assertTrue(noisy.meanPsnr(Method.BLUR) > noisy.meanPsnr(Method.BICUBIC) + 1, noisy.summary());
		assertTrue(noisy.meanSsim(Method.BLUR) > noisy.meanSsim(Method.BICUBIC), noisy.summary());
		final Evaluation still = new Evaluator(BICUBIC_MODEL, resolver(BICUBIC_MODEL)).evaluate(STILL,
			Normalisation.PSSR.fit(STILL, "still"), new GaussianDegradation(SCALE, 0.08), 7, null,
			Logger.NONE);
		assertTrue(still.meanPsnr(Method.MEAN3_BLUR) > still.meanPsnr(Method.BLUR) + 1, still.summary());
		assertEquals(Method.MEAN3_BLUR, still.bestClassical());
		assertTrue(still.summary().contains("model over the best classical answer (mean3+blur): "), still
			.summary());
	}

	@Test
	void withoutNoiseTheOracleBarelyBlursAndNeverScoresBelowBicubic() {
		final Evaluation clean = evaluate(new WindowBicubic(0, 1, 0), new GaussianDegradation(SCALE, 0));
		assertTrue(clean.sigma(Method.BLUR) < 0.5 * SCALE, clean.summary());
		assertTrue(clean.meanPsnr(Method.BLUR) >= clean.meanPsnr(Method.BICUBIC) - 0.05, clean
			.summary());
	}

	@Test
	void aModelThatIsTheOraclesBlurScoresNoBetterThanTheOracle() {
		final Evaluation noisy = evaluate(new WindowBicubic(0, 1, 0), new GaussianDegradation(SCALE,
			0.08));
		final double sigma = noisy.sigma(Method.BLUR);
		for (final double other : new double[] { 0.5 * sigma, 0.8 * sigma, 1.25 * sigma, 2 * sigma }) {
			final Evaluation blurred = evaluate(new BlurredBicubic(other), new GaussianDegradation(SCALE,
				0.08));
			assertTrue(blurred.meanPsnr(Method.MODEL) <= noisy.meanPsnr(Method.BLUR) + 0.02, "sigma " +
				other + " against the oracle's " + sigma + ": " + blurred.summary());
		}
	}

	@Test
	void anAcquisitionInOtherUnitsScoresAsTheSameDataInTheTruthsUnits() {
		final IntensityMap units = Normalisation.PSSR.fit(TRUTH, "truth");
		final Degradation noise = new GaussianDegradation(SCALE, 0.05);
		final Evaluation direct = new Evaluator(BICUBIC_MODEL, resolver(BICUBIC_MODEL)).evaluate(TRUTH,
			units, noise, 7, null, Logger.NONE);
		// a camera: counts = 100 + 500 * value, as LR movies of the same draws
		final Evaluator.LrPair inUnits = Evaluator.LrPair.degraded(TRUTH, units, noise, 7);
		final IntensityMap counts = new IntensityMap(150, 550, 0);
		final Evaluator.LrPair camera = new Evaluator.LrPair(affine(inUnits, 0, 100, 500), affine(
			inUnits, 1, 100, 500), new IntensityMap(100, 600, 0), counts);
		final Evaluation recorded = new Evaluator(BICUBIC_MODEL, resolver(BICUBIC_MODEL)).evaluate(TRUTH,
			units, camera, null, Logger.NONE);
		for (final Method m : Method.values()) {
			assertEquals(direct.meanPsnr(m), recorded.meanPsnr(m), 1e-3, m.label());
			assertEquals(direct.meanSsim(m), recorded.meanSsim(m), 1e-4, m.label());
			assertEquals(direct.temporalError(m), recorded.temporalError(m), 1e-4, m.label());
			assertEquals(direct.noiseDifference(m), recorded.noiseDifference(m), 1e-4, m.label());
		}
	}

	@Test
	void csvHasOneRowPerFrameAndAColumnPairPerMethod() throws IOException {
		final Evaluation e = evaluate(new WindowBicubic(0, 1, 0), new GaussianDegradation(SCALE, 0.02));
		final StringWriter csv = new StringWriter();
		e.writeCsv(csv);
		final String[] lines = csv.toString().split("\n");
		assertEquals("frame,psnr_model,ssim_model,psnr_bicubic+blur,ssim_bicubic+blur," +
			"psnr_mean3+blur,ssim_mean3+blur,psnr_bicubic,ssim_bicubic,psnr_bilinear,ssim_bilinear",
			lines[0]);
		assertEquals(1 + e.frames(), lines.length);
		assertEquals(11, lines[3].split(",").length);
	}

	private static final SuperResolutionModel BICUBIC_MODEL = new WindowBicubic(0, 1, 0);
	private static final Movie STILL = new DriftingBlobs(64, 48, 5, 0);

	private static MovieSuperResolver resolver(final SuperResolutionModel model) {
		return new MovieSuperResolver(model, new TiledPredictor(model, 64, 1));
	}

	private static Evaluation evaluate(final SuperResolutionModel model, final Degradation d) {
		return new Evaluator(model, resolver(model)).evaluate(TRUTH, Normalisation.PSSR.fit(TRUTH,
			"truth"), d, 7, null, Logger.NONE);
	}

	/** Draw {@code which} of {@code pair} with its values mapped to {@code offset + gain * value}. */
	private static Movie affine(final Evaluator.LrPair pair, final int which, final double offset,
		final double gain)
	{
		final Movie lr = which == 0 ? pair.first : pair.second;
		return new AbstractMovie(lr.width(), lr.height(), lr.frames(), lr.calibration()) {

			@Override
			public RandomAccessibleInterval<FloatType> frame(final int t) {
				final float[] v = FrameArrays.copy(lr.frame(t));
				for (int i = 0; i < v.length; i++)
					v[i] = (float) (offset + gain * v[i]);
				return FrameArrays.wrap(v, lr.width(), lr.height());
			}
		};
	}

	/** Bicubic of the centre frame, then a Gaussian blur of a fixed sigma. */
	private static final class BlurredBicubic extends TestModel {

		private final double sigma;

		BlurredBicubic(final double sigma) {
			super(3, SCALE);
			this.sigma = sigma;
		}

		@Override
		public float[] predict(final float[] input, final int n, final int h, final int w) {
			final float[] out = new float[n * h * w * SCALE * SCALE];
			for (int b = 0; b < n; b++) {
				final float[] centre = java.util.Arrays.copyOfRange(input, (b * 3 + 1) * h * w, (b * 3 + 2) *
					h * w);
				System.arraycopy(GaussianBlur.apply(Upsampling.BICUBIC.upsample(centre, w, h, SCALE), w *
					SCALE, h * SCALE, sigma), 0, out, b * h * w * SCALE * SCALE, h * w * SCALE * SCALE);
			}
			return out;
		}
	}

	/** Weighted mean of the window's frames, upsampled bicubically. */
	private static final class WindowBicubic extends TestModel {

		private final float[] weights;

		WindowBicubic(final float... weights) {
			super(weights.length, SCALE);
			this.weights = weights;
		}

		@Override
		public float[] predict(final float[] input, final int n, final int h, final int w) {
			final float[] out = new float[n * h * w * SCALE * SCALE];
			for (int b = 0; b < n; b++) {
				final float[] mean = new float[h * w];
				for (int f = 0; f < weights.length; f++)
					for (int i = 0; i < h * w; i++)
						mean[i] += weights[f] * input[(b * weights.length + f) * h * w + i];
				System.arraycopy(Upsampling.BICUBIC.upsample(mean, w, h, SCALE), 0, out, b * h * w * SCALE *
					SCALE, h * w * SCALE * SCALE);
			}
			return out;
		}
	}

	/** Gaussian spots moving slowly to the right, or holding still: smooth, structured. */
	private static final class DriftingBlobs extends AbstractMovie {

		private final int width;
		private final int height;

		private final double speed;

		/** @param speed in pixels per frame; 0 for a still scene */
		DriftingBlobs(final int width, final int height, final int frames, final double speed) {
			super(width, height, frames, Calibration.UNKNOWN);
			this.width = width;
			this.height = height;
			this.speed = speed;
		}

		@Override
		public RandomAccessibleInterval<FloatType> frame(final int t) {
			final float[] v = new float[width * height];
			for (int y = 0; y < height; y++)
				for (int x = 0; x < width; x++) {
					double s = 10;
					for (int k = 0; k < 6; k++) {
						final double cx = (11 + 17 * k + speed * t) % width;
						final double cy = (7 + 13 * k * k) % height;
						s += 200 * Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * 9.0));
					}
					v[y * width + x] = (float) s;
				}
			return FrameArrays.wrap(v, width, height);
		}
	}
}
