package org.pssr.crappify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pssr.testing.MovieSuite;
import org.pssr.testing.TestMovie;

/**
 * The recipes' noise on movie tiles behaves as their documentation says: on the synthetic
 * stand-ins here, on the real movies in {@link RecipeRealDataTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecipeTest extends MovieSuite {

	private SourceMovie drosophila;

	@BeforeAll
	void open() {
		drosophila = TestMovies.source(movie(TestMovie.SEQUENCE_1));
	}

	private static TwinCrappifier crappifier(final SourceMovie movie, final Degradation recipe,
		final int frames, final int tile)
	{
		return new TwinCrappifier(List.of(movie), recipe, new TwinOptions().frames(frames).tile(tile)
			.seed(11).minSignal(0));
	}

	@Test
	void lrTilesAreHrOverScaleForEveryRecipeAndScale() {
		for (final int scale : new int[] { 2, 4, 8 }) {
			for (final String name : Degradations.names()) {
				final Degradation recipe = Degradations.create(name, scale, Collections.emptyMap());
				final TwinSample s = crappifier(drosophila, recipe, 3, 64).draw(Split.TRAIN, 0, 0);
				assertEquals(64 / scale, s.lrWidth(), name + " x" + scale);
				assertEquals(64 / scale, s.lrHeight(), name + " x" + scale);
				assertEquals(64, s.hrWidth());
				assertEquals(3 * (64 / scale) * (64 / scale), s.x1().length);
				assertEquals(64 * 64, s.target().length);
				assertEquals(scale, s.scale());
			}
		}
	}

	@Test
	void poissonVarianceOfTheTwinDifferenceGrowsLinearlyWithSignal() {
		final double photons = 50;
		final double readNoise = 1;
		final TwinCrappifier c = crappifier(drosophila, new PoissonDegradation(4, photons,
			readNoise), 1, 64);
		final int bins = 8;
		final double[] sumMean = new double[bins];
		final double[] sumSq = new double[bins];
		final long[] n = new long[bins];
		double residual = 0;
		double expectedResidual = 0;
		long pixels = 0;
		for (int i = 0; i < 100; i++) {
			final TwinSample s = c.draw(Split.TRAIN, 0, i);
			final float[] down = Tiles.downsample(s.target(), 64, 64, 4);
			for (int p = 0; p < down.length; p++) {
				final double m = down[p];
				final double d = s.x1()[p] - s.x2()[p];
				final int b = (int) Math.floor(m * bins);
				if (b >= 0 && b < bins) {
					sumMean[b] += m;
					sumSq[b] += d * d;
					n[b]++;
				}
				residual += (s.x1()[p] + s.x2()[p]) / 2 - m;
				expectedResidual += (Math.max(m, 0) / photons + readNoise * readNoise / (photons *
					photons)) / 2;
				pixels++;
			}
		}
		// least-squares line through (mean signal, variance of X1 - X2) of the populated bins
		double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
		int k = 0;
		for (int b = 0; b < bins; b++) {
			if (n[b] < 100) continue;
			final double x = sumMean[b] / n[b];
			final double y = sumSq[b] / n[b];
			final double model = 2 * (x / photons + readNoise * readNoise / (photons * photons));
			// the sample variance of n normal values has a relative s.e. of sqrt(2 / n)
			assertEquals(model, y, 4 * Math.sqrt(2.0 / n[b]) * model, "variance at signal " + x);
			sx += x;
			sy += y;
			sxx += x * x;
			sxy += x * y;
			syy += y * y;
			k++;
		}
		assertTrue(k >= 4, "signal range too narrow: " + java.util.Arrays.toString(n));
		final double slope = (k * sxy - sx * sy) / (k * sxx - sx * sx);
		final double intercept = (sy - slope * sx) / k;
		final double r2 = Math.pow(k * sxy - sx * sy, 2) / ((k * sxx - sx * sx) * (k * syy - sy * sy));
		assertEquals(2 / photons, slope, 0.15 * 2 / photons, "slope of var(X1-X2) vs signal");
		assertEquals(2 * readNoise * readNoise / (photons * photons), intercept, 0.004, "intercept");
		assertTrue(r2 > 0.95, "not linear: R^2 = " + r2);
		// the mean of the twins is the downsampled target, within its standard error
		final double meanResidual = residual / pixels;
		final double standardError = Math.sqrt(expectedResidual) / pixels;
		assertTrue(Math.abs(meanResidual) < 4 * standardError, "bias " + meanResidual + " vs s.e. " +
			standardError);
	}

	@Test
	void pssrNoiseFollowsTheBlurredSignalAndKeepsTheMean() {
		final TwinCrappifier c = crappifier(drosophila, new PssrDegradation(2), 1, 64);
		double lowVar = 0, highVar = 0, residual = 0;
		long low = 0, high = 0, pixels = 0;
		for (int i = 0; i < 30; i++) {
			final TwinSample s = c.draw(Split.TRAIN, 0, i);
			final float[] down = Tiles.downsample(s.target(), 64, 64, 2);
			// the recipe's noise variance follows the blurred copy of the clipped tile, not the pixel
			final float[] clipped = s.target().clone();
			for (int p = 0; p < clipped.length; p++)
				clipped[p] = Math.min(1, Math.max(0, clipped[p]));
			final float[] local = Tiles.downsample(GaussianBlur.apply(clipped, 64, 64,
				PssrDegradation.DEFAULT_SIGMA), 64, 64, 2);
			for (int p = 0; p < down.length; p++) {
				final double d = s.x1()[p] - s.x2()[p];
				if (local[p] < 0.1) {
					lowVar += d * d;
					low++;
				}
				else if (local[p] > 0.4 && local[p] < 0.9) {
					highVar += d * d;
					high++;
				}
				residual += (s.x1()[p] + s.x2()[p]) / 2 - Math.min(1, Math.max(0, down[p]));
				pixels++;
			}
		}
		assertTrue(low > 100 && high > 100, "too few dark or bright pixels: " + low + ", " + high);
		assertTrue(highVar / high > 3 * lowVar / low, "noise does not grow with signal: " + highVar /
			high + " vs " + lowVar / low);
		assertTrue(Math.abs(residual / pixels) < 0.02, "bias " + residual / pixels);
	}

	@Test
	void eachRecipesNoiseModelIsTheSpreadItsLrPixelsHave() {
		final float[] hr = new float[128 * 128];
		Arrays.fill(hr, 0.5f);
		for (final String name : Degradations.names()) {
			final Degradation r = Degradations.create(name, 2, Collections.emptyMap());
			final float[] lr = r.apply(hr, 128, 128, Seeds.stream(3, Split.TRAIN, 0, 0, 1));
			double sum = 0, sum2 = 0;
			for (final float v : lr) {
				sum += v;
				sum2 += v * v;
			}
			final double variance = sum2 / lr.length - Math.pow(sum / lr.length, 2);
			// pssr's salt and pepper add about a tenth to its Gaussian noise
			assertEquals(r.lrNoiseVariance(0.5), variance, 0.2 * r.lrNoiseVariance(0.5), name);
		}
	}

	@Test
	void applyTwiceIsTwoIndependentApplies() {
		final float[] hr = crappifier(drosophila, new PssrDegradation(2), 1, 64).draw(Split.TRAIN, 0, 1)
			.target();
		for (final String name : Degradations.names()) {
			final Degradation r = Degradations.create(name, 2, Collections.emptyMap());
			final float[][] twice = r.applyTwice(hr, 64, 64, Seeds.stream(1, Split.TRAIN, 0, 0, 1), Seeds
				.stream(1, Split.TRAIN, 0, 0, 2));
			assertArrayEquals(r.apply(hr, 64, 64, Seeds.stream(1, Split.TRAIN, 0, 0, 1)), twice[0], name);
			assertArrayEquals(r.apply(hr, 64, 64, Seeds.stream(1, Split.TRAIN, 0, 0, 2)), twice[1], name);
			assertFalse(Arrays.equals(twice[0], twice[1]), name);
		}
	}

	@Test
	void recipesByNameWithOverridesAndClearErrors() {
		final Degradation p = Degradations.create("poisson", 8, Map.of("photons", 10.0));
		assertEquals(10.0, p.parameters().get("photons"));
		assertEquals(PoissonDegradation.DEFAULT_READNOISE, p.parameters().get("readnoise"));
		assertEquals(8.0, p.parameters().get("scale"));
		assertEquals(0.05, Degradations.create("pssr", 4, Map.of()).parameters().get("variance"));
		final IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
			() -> Degradations.create("pssr", 4, Map.of("sigmaa", 2.0)));
		assertTrue(typo.getMessage().contains("sigmaa"), typo.getMessage());
		assertThrows(IllegalArgumentException.class, () -> Degradations.create("blur", 4, Map.of()));
		final IllegalArgumentException scale = assertThrows(IllegalArgumentException.class,
			() -> new PssrDegradation(3));
		assertTrue(scale.getMessage().contains("2, 4 or 8"), scale.getMessage());
	}
}
