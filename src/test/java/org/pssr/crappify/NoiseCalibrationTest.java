package org.pssr.crappify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.pssr.testing.ArrayMovie;

/** Cameras of known gain, offset and read noise ({@link NoiseCalibrationTestMovies}), recovered. */
class NoiseCalibrationTest {

	private static void recovers(final double gain, final double offset, final double read,
		final double peak)
	{
		final NoiseCalibration c = NoiseCalibration.measure(NoiseCalibrationTestMovies.camera(gain, offset, read, peak, 16,
			Double.MAX_VALUE, 7), 0, 16, "camera");
		final String what = "gain " + gain + ", offset " + offset + ", read " + read + ": " + c;
		assertEquals(gain, c.gain, 0.1 * gain, what);
		assertEquals(offset, c.offset, 0.1 * offset, what);
		assertEquals(read, c.readNoise, 0.1 * read, what);
		assertTrue(c.r2 > 0.9, what);
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

	@Test
	void theRecipeDegradesLikeTheCamera() {
		final NoiseCalibration c = NoiseCalibration.measure(NoiseCalibrationTestMovies.camera(2.0, 100, 3, 500, 16,
			Double.MAX_VALUE, 3), 0, 16, "camera");
		final CalibratedDegradation recipe = c.recipe(2);
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
	void tooShortFlatSaturatedOrMovingMoviesAreRefusedWithTheReason() {
		final IllegalArgumentException shortMovie = assertThrows(IllegalArgumentException.class,
			() -> NoiseCalibration.measure(NoiseCalibrationTestMovies.camera(2, 100, 3, 500, 2, Double.MAX_VALUE, 1), 0, 2, "m.tif"));
		assertTrue(shortMovie.getMessage().contains("at least 4"), shortMovie.getMessage());

		final IllegalArgumentException constant = assertThrows(IllegalArgumentException.class,
			() -> NoiseCalibration.measure(ArrayMovie.constant(32, 32, 5, t -> 100), 0, 5, "m.tif"));
		assertTrue(constant.getMessage().contains("constant images"), constant.getMessage());

		final IllegalArgumentException saturated = assertThrows(IllegalArgumentException.class,
			() -> NoiseCalibration.measure(NoiseCalibrationTestMovies.camera(2, 100, 3, 500, 8, 400, 1), 0, 8, "m.tif"));
		assertTrue(saturated.getMessage().contains("saturated"), saturated.getMessage());

		final IllegalArgumentException moving = assertThrows(IllegalArgumentException.class,
			() -> NoiseCalibration.measure(ArrayMovie.textured(64, 64, 8), 0, 8, "m.tif"));
		assertTrue(moving.getMessage().contains("no static pixels"), moving.getMessage());

		final float[][] frames = new float[8][64 * 64];
		final SplittableRandom r = new SplittableRandom(3);
		for (final float[] f : frames)
			for (int i = 0; i < f.length; i++)
				f[i] = (float) (10 * (i % 64) + 5 * NoiseCalibrationTestMovies.normal(r)); // even noise
		final IllegalArgumentException processed = assertThrows(IllegalArgumentException.class,
			() -> NoiseCalibration.measure(new ArrayMovie(64, 64, Calibration.UNKNOWN, frames), 0, 8,
				"m.tif"));
		assertTrue(processed.getMessage().contains("no shot noise"), processed.getMessage());
	}

	@Test
	void aRecipeFileIsARecipeByItsPath(@org.junit.jupiter.api.io.TempDir final java.nio.file.Path dir)
		throws java.io.IOException
	{
		final NoiseCalibration c = NoiseCalibration.measure(NoiseCalibrationTestMovies.camera(2.0, 100, 3, 500, 8,
			Double.MAX_VALUE, 3), 0, 8, "camera");
		final java.nio.file.Path file = dir.resolve("scope.recipe.json");
		RecipeFile.write(file, CalibratedDegradation.NAME, c.parameters(), Map.of("measured", c
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
