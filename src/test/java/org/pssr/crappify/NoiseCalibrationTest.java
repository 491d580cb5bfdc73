package org.pssr.crappify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;

import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.pssr.crappify.acquisition.Acquisition;
import org.pssr.crappify.acquisition.SimulatedAcquisition;
import org.pssr.crappify.synth.SyntheticFluorescenceMovie;
import org.pssr.testing.ArrayMovie;

/**
 * Cameras of known gain, offset and read noise: filming a still sample
 * ({@link NoiseCalibrationTestMovies}), and recording a moving synthetic scene without noise of its
 * own through {@link SimulatedAcquisition}: the variance the calibration predicts is the camera's.
 */
class NoiseCalibrationTest {

	/** Levels of the lit range (from the offset to the peak) where the variance is compared. */
	private static final double[] LEVELS = { 0.1, 0.5, 0.9 };

	private static void recovers(final double gain, final double offset, final double read,
		final double peak)
	{
		final NoiseCalibration c = NoiseCalibration.measure(NoiseCalibrationTestMovies.camera(gain, offset, read, peak, 16,
			Double.MAX_VALUE, 7), 0, 16, "camera");
		final String what = "gain " + gain + ", offset " + offset + ", read " + read + ": " + c;
		assertEquals(gain, c.gain, 0.1 * gain, what);
		for (final double level : LEVELS) {
			final double counts = offset + level * gain * peak;
			final double truth = gain * (counts - offset) + read * read + 1 / 12.0;
			assertEquals(truth, c.variance(counts), 0.1 * truth, what + " at " + counts);
		}
		assertTrue(c.scatter < 2, what);
		// a still sample: both estimates see the camera alone, agree, and the lower one is used
		assertTrue(c.disagreement <= NoiseCalibration.AGREEMENT, what);
		assertTrue(c.warnings.isEmpty(), what);
	}

	@Test
	void brightShotNoiseLimited() {
		recovers(2.0, 100, 3, 500);
	}

	@Test
	void dimReadNoiseLimited() {
		recovers(0.8, 400, 6, 40);
	}

	@Test
	void highGainHighReadNoise() {
		recovers(12, 1000, 25, 150);
	}

	/** The synthetic scene's frames as an ideal detector records them: moving, without noise. */
	private static Movie cleanScene(final int frames) {
		final SyntheticFluorescenceMovie synth = new SyntheticFluorescenceMovie(512, 512, frames, 2);
		final float[][] data = new float[frames][];
		for (int t = 0; t < frames; t++)
			data[t] = synth.expected(t);
		return new ArrayMovie(512, 512, Calibration.UNKNOWN, data);
	}

	private static void recoversTheCameraOf(final Movie scene, final Acquisition a) {
		final SimulatedAcquisition lr = new SimulatedAcquisition(scene, a, 3, "scene");
		final NoiseCalibration c = NoiseCalibration.measure(lr, 0, lr.frames(), "scene");
		final String what = a + ": " + c;
		// a moving scene's texture and motion pass a little for noise
		assertEquals(a.get(Acquisition.GAIN), c.gain, 0.15 * a.get(Acquisition.GAIN), what);
		for (final double level : LEVELS) {
			final double counts = a.counts(level);
			assertEquals(a.variance(counts), c.variance(counts), 0.1 * a.variance(counts), what + " at " +
				counts);
		}
	}

	@Test
	void aMovingSceneRecordedByACameraGivesTheCamerasNoise() {
		final Movie scene = cleanScene(10);
		recoversTheCameraOf(scene, Acquisition.of(Map.of("photons", 50.0, "gain", 2.0, "psf", 2.0)));
		recoversTheCameraOf(scene, Acquisition.of(Map.of("photons", 100.0, "gain", 5.0, "psf", 2.0,
			"readnoise", 4.0)));
	}

	@Test
	void aSingleFrameOfSmoothStructuresIsEnough() {
		final float[] nuclei = new float[256 * 256];
		for (int y = 0; y < 256; y++)
			for (int x = 0; x < 256; x++)
				for (int k = 0; k < 12; k++) {
					final double dx = x - (37 + 53 * k) % 256;
					final double dy = y - (23 + 71 * k * k) % 256;
					nuclei[y * 256 + x] += (float) (100 * Math.exp(-(dx * dx + dy * dy) / (2 * 14.0 * 14.0)));
				}
		final Acquisition a = Acquisition.of(Map.of("photons", 50.0, "gain", 2.0, "psf", 2.0));
		final SimulatedAcquisition lr = new SimulatedAcquisition(new ArrayMovie(256, 256,
			Calibration.UNKNOWN, nuclei), a, 3, "one frame");
		final NoiseCalibration c = NoiseCalibration.measure(lr, 0, 1, "one frame");
		assertEquals(NoiseCalibration.Method.SINGLE_FRAMES, c.method);
		assertTrue(Double.isNaN(c.stillFraction), "no still-pixel estimate from one frame");
		assertEquals(2.0, c.gain, 0.2, c.toString());
	}

	@Test
	void aStillTexturedSampleIsMeasuredOnItsStillPixelsWithAWarning() {
		// fine texture the single-frame estimate takes for noise; it holds still, so frames tell
		final float[][] frames = new float[8][128 * 128];
		final org.apache.commons.rng.UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(4);
		for (int t = 0; t < frames.length; t++)
			for (int y = 0; y < 128; y++)
				for (int x = 0; x < 128; x++) {
					final double photons = 40 + 30 * Math.sin(1.7 * x) * Math.sin(1.3 * y) + 25 * (x / 128.0 + y /
						128.0);
					frames[t][y * 128 + x] = (float) Math.rint(100 + 2 * PoissonSampler.of(rng, photons)
						.sample());
				}
		final NoiseCalibration c = NoiseCalibration.measure(new ArrayMovie(128, 128,
			Calibration.UNKNOWN, frames), 0, 8, "texture");
		assertEquals(NoiseCalibration.Method.STILL_PIXELS, c.method, c.toString());
		assertEquals(2.0, c.gain, 0.2, c.toString());
		assertTrue(c.disagreement > NoiseCalibration.AGREEMENT, c.toString());
		assertEquals(1, c.warnings.size(), c.warnings.toString());
		assertTrue(c.warnings.get(0).contains("pixels that hold still"), c.warnings.get(0));
	}

	@Test
	void theRecipeDegradesLikeTheCamera() {
		final NoiseCalibration c = NoiseCalibration.measure(NoiseCalibrationTestMovies.camera(2.0, 100, 3, 500, 16,
			Double.MAX_VALUE, 3), 0, 16, "camera");
		final CalibratedDegradation recipe = c.recipe(2, 0);
		final Degradation back = Degradations.fromJson(Degradations.toJson(recipe));
		assertEquals(recipe.parameters(), back.parameters());
		// a flat HR tile at normalised 0.5: its LR pixels' spread is the camera's at that level
		final float[] hr = new float[64 * 64];
		java.util.Arrays.fill(hr, 0.5f);
		final float[] lr = recipe.apply(hr, 64, 64, RandomSource.SPLIT_MIX_64.create(5));
		double sum = 0, sum2 = 0;
		for (final float v : lr) {
			sum += v;
			sum2 += v * v;
		}
		final double mean = sum / lr.length;
		final double variance = sum2 / lr.length - mean * mean;
		assertEquals(0.5, mean, 0.02);
		assertEquals(recipe.lrNoiseVariance(0.5), variance, 0.15 * recipe.lrNoiseVariance(0.5));
		final double counts = c.low + 0.5 * (c.high - c.low);
		final double expected = (2.0 * (counts - 100) + 9) / Math.pow(c.high - c.low, 2);
		assertEquals(expected, recipe.lrNoiseVariance(0.5), 0.1 * expected);
	}

	@Test
	void emptyFlatSaturatedProcessedOrTooDarkMoviesAreRefusedWithTheReason() {
		final IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
			() -> NoiseCalibration.measure(NoiseCalibrationTestMovies.camera(2, 100, 3, 500, 2, Double.MAX_VALUE, 1), 0, 0, "m.tif"));
		assertTrue(none.getMessage().contains("no frame"), none.getMessage());

		final IllegalArgumentException constant = assertThrows(IllegalArgumentException.class,
			() -> NoiseCalibration.measure(ArrayMovie.constant(32, 32, 5, t -> 100), 0, 5, "m.tif"));
		assertTrue(constant.getMessage().contains("constant images"), constant.getMessage());

		final IllegalArgumentException saturated = assertThrows(IllegalArgumentException.class,
			() -> NoiseCalibration.measure(NoiseCalibrationTestMovies.camera(2, 100, 3, 500, 8, 400, 1), 0, 8, "m.tif"));
		assertTrue(saturated.getMessage().contains("saturated"), saturated.getMessage());

		final float[][] frames = new float[8][64 * 64];
		final SplittableRandom r = new SplittableRandom(3);
		for (final float[] f : frames)
			for (int i = 0; i < f.length; i++)
				f[i] = (float) (10 * (i % 64) + 5 * NoiseCalibrationTestMovies.normal(r)); // even noise
		final IllegalArgumentException processed = assertThrows(IllegalArgumentException.class,
			() -> NoiseCalibration.measure(new ArrayMovie(64, 64, Calibration.UNKNOWN, frames), 0, 8,
				"m.tif"));
		assertTrue(processed.getMessage().contains("no shot noise"), processed.getMessage());

		// a dark field with a few bright pixels: nothing smooth is bright
		final float[][] dark = new float[8][64 * 64];
		for (int t = 0; t < dark.length; t++)
			for (int i = 0; i < dark[t].length; i++)
				dark[t][i] = (float) Math.rint(100 + 3 * NoiseCalibrationTestMovies.normal(r) + (i % 97 == 0 ? 400
					+ 30 * NoiseCalibrationTestMovies.normal(r) : 0));
		final IllegalArgumentException tooDark = assertThrows(IllegalArgumentException.class,
			() -> NoiseCalibration.measure(new ArrayMovie(64, 64, Calibration.UNKNOWN, dark), 0, 8,
				"m.tif"));
		assertTrue(tooDark.getMessage().contains("too small or too dark") || tooDark.getMessage()
			.contains("no shot noise"), tooDark.getMessage());
	}

	@Test
	void aRecipeFileIsARecipeByItsPath(@org.junit.jupiter.api.io.TempDir final java.nio.file.Path dir)
		throws java.io.IOException
	{
		final NoiseCalibration c = NoiseCalibration.measure(NoiseCalibrationTestMovies.camera(2.0, 100, 3, 500, 8,
			Double.MAX_VALUE, 3), 0, 8, "camera");
		final java.nio.file.Path file = dir.resolve("scope.recipe.json");
		RecipeFile.write(file, CalibratedDegradation.NAME, c.parameters(0), Map.of("measured", c
			.measured()));
		final Degradation recipe = Degradations.create(file.toString(), 4, Map.of());
		assertEquals(CalibratedDegradation.NAME, recipe.name());
		assertEquals(4, recipe.scale());
		assertEquals(c.gain, recipe.parameters().get("gain"));
		assertEquals(7.0, Degradations.create(file.toString(), 2, Map.of("readnoise", 7.0))
			.parameters().get("readnoise"), "parameters given beside the file override it");
		final IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
			() -> Degradations.create(dir.resolve("none.json").toString(), 4, Map.of()));
		assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
	}
}
