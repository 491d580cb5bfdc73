package org.pssr.train.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

import org.junit.jupiter.api.Test;
import org.pssr.crappify.AbstractMovie;
import org.pssr.crappify.Calibration;
import org.pssr.crappify.Degradation;
import org.pssr.crappify.GaussianDegradation;
import org.pssr.crappify.Movie;
import org.pssr.train.SuperResolutionModel;
import org.pssr.crappify.Normalisation;
import org.pssr.train.infer.FrameArrays;
import org.pssr.train.infer.MovieSuperResolver;
import org.pssr.crappify.Logger;
import org.pssr.train.infer.TiledPredictor;

class EvaluatorTest {

	private static final int SCALE = 2;
	private static final Movie TRUTH = new DriftingBlobs(64, 48, 5);

	@Test
	void aModelThatIsBicubicScoresExactlyAsBicubic() {
		final Evaluation e = evaluate(new WindowBicubic(0, 1, 0), new GaussianDegradation(SCALE, 0.02));
		assertEquals(e.meanPsnr("bicubic"), e.meanPsnr(Evaluator.MODEL), 1e-4);
		assertEquals(e.meanSsim("bicubic"), e.meanSsim(Evaluator.MODEL), 1e-5);
		assertEquals(e.noiseDifference("bicubic"), e.noiseDifference(Evaluator.MODEL), 1e-5);
		assertTrue(e.meanPsnr("bicubic") > 15 && e.meanPsnr("bicubic") < 60, e.summary());
		assertTrue(e.meanSsim("bilinear") > 0 && e.meanSsim("bilinear") < 1, e.summary());
	}

	@Test
	void noiseDifferenceIsZeroWithoutNoiseAndAveragingFramesReducesIt() {
		final Evaluation clean = evaluate(new WindowBicubic(0, 1, 0), new GaussianDegradation(SCALE, 0));
		assertEquals(0, clean.noiseDifference(Evaluator.MODEL), 1e-9);
		final Evaluation noisy = evaluate(new WindowBicubic(1 / 3f, 1 / 3f, 1 / 3f),
			new GaussianDegradation(SCALE, 0.05));
		assertTrue(noisy.noiseDifference("bicubic") > 0.01, noisy.summary());
		assertTrue(noisy.noiseDifference(Evaluator.MODEL) < 0.7 * noisy.noiseDifference("bicubic"),
			noisy.summary());
		assertTrue(noisy.temporalError(Evaluator.MODEL) < noisy.temporalError("bicubic"), noisy
			.summary());
	}

	@Test
	void csvHasOneRowPerFrameAndAColumnPairPerMethod() throws IOException {
		final Evaluation e = evaluate(new WindowBicubic(0, 1, 0), new GaussianDegradation(SCALE, 0.02));
		final StringWriter csv = new StringWriter();
		e.writeCsv(csv);
		final String[] lines = csv.toString().split("\n");
		assertEquals("frame,psnr_model,ssim_model,psnr_bicubic,ssim_bicubic,psnr_bilinear,ssim_bilinear",
			lines[0]);
		assertEquals(1 + e.frames(), lines.length);
		assertEquals(7, lines[3].split(",").length);
	}

	private static Evaluation evaluate(final SuperResolutionModel model, final Degradation d) {
		return new Evaluator(model, new MovieSuperResolver(model, new TiledPredictor(model, 64, 1)), d, 7)
			.evaluate(TRUTH, Normalisation.PSSR.fit(TRUTH, "truth"), Logger.NONE);
	}

	/** Weighted mean of the window's frames, upsampled bicubically. */
	private static final class WindowBicubic implements SuperResolutionModel {

		private final float[] weights;

		WindowBicubic(final float... weights) {
			this.weights = weights;
		}

		@Override
		public int frames() {
			return weights.length;
		}

		@Override
		public int scale() {
			return SCALE;
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

		@Override
		public String device() {
			return "test on cpu()";
		}

		@Override
		public void close() {}
	}

	/** Gaussian spots moving slowly to the right: smooth, structured, never static. */
	private static final class DriftingBlobs extends AbstractMovie {

		private final int width;
		private final int height;

		DriftingBlobs(final int width, final int height, final int frames) {
			super(width, height, frames, Calibration.UNKNOWN);
			this.width = width;
			this.height = height;
		}

		@Override
		public RandomAccessibleInterval<FloatType> frame(final int t) {
			final float[] v = new float[width * height];
			for (int y = 0; y < height; y++)
				for (int x = 0; x < width; x++) {
					double s = 10;
					for (int k = 0; k < 6; k++) {
						final double cx = (11 + 17 * k + 0.7 * t) % width;
						final double cy = (7 + 13 * k * k) % height;
						s += 200 * Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * 9.0));
					}
					v[y * width + x] = (float) s;
				}
			return FrameArrays.wrap(v, width, height);
		}
	}
}
