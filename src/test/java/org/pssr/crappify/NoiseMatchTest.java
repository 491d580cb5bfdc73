package org.pssr.crappify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import net.imglib2.img.array.ArrayImgs;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The noise of LR frames made by known recipes, measured against the recipe a model trained on. */
class NoiseMatchTest {

	private static final int HR = 256;
	private static final int SCALE = 4;
	private static final int LR = HR / SCALE;

	/** Smooth structure from 0.1 to 0.9: what a cell looks like at LR, without noise. */
	private static float[] scene() {
		final float[] hr = new float[HR * HR];
		for (int y = 0; y < HR; y++)
			for (int x = 0; x < HR; x++)
				hr[y * HR + x] = (float) (0.5 + 0.4 * Math.sin(x / 23.0) * Math.cos(y / 31.0));
		return hr;
	}

	private static double ratio(final float[] lr, final Degradation trainedOn) {
		return NoiseMatch.ratio(ArrayImgs.floats(lr, LR, LR), IntensityMap.IDENTITY, trainedOn);
	}

	@Test
	void aFrameAsNoisyAsTheTrainingDataScoresAboutOne() {
		final UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(7);
		final PoissonDegradation poisson = new PoissonDegradation(SCALE);
		assertEquals(1, ratio(poisson.apply(scene(), HR, HR, rng), poisson), 0.15);
		final PoissonDegradation brighter = new PoissonDegradation(SCALE, 200, 1);
		assertEquals(0.5, ratio(brighter.apply(scene(), HR, HR, rng), poisson), 0.1,
			"four times the photons, half the relative noise");
	}

	@Test
	void nearlyNoiseFreeDataScoresFarBelowTheWarningLine() {
		final UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(7);
		final PoissonDegradation poisson = new PoissonDegradation(SCALE);
		final double pssr = ratio(new PssrDegradation(SCALE).apply(scene(), HR, HR, rng), poisson);
		assertTrue(pssr < NoiseMatch.CLEANER, "PSSR's recipe averages its noise away: " + pssr);
		assertTrue(ratio(Tiles.downsample(scene(), HR, HR, SCALE), poisson) < 0.05,
			"no noise at all");
	}

	@Test
	void theDarkBackgroundDoesNotCount() {
		final UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(7);
		final PoissonDegradation poisson = new PoissonDegradation(SCALE);
		final float[] lr = poisson.apply(scene(), HR, HR, rng);
		// most of a nucleus movie: background at the file's zero, where quantisation leaves no noise
		Arrays.fill(lr, 0, lr.length * 3 / 4, 0f);
		assertEquals(1, ratio(lr, poisson), 0.2);
	}

	@Test
	void aRecipeWithoutNoiseGivesNoAnswer() {
		assertTrue(Double.isNaN(ratio(Tiles.downsample(scene(), HR, HR, SCALE), new GaussianDegradation(
			SCALE, 0))));
	}
}
