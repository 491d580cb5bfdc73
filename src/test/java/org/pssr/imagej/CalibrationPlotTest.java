package org.pssr.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.gui.Plot;

import org.junit.jupiter.api.Test;
import org.pssr.crappify.NoiseCalibration;
import org.pssr.crappify.NoiseCalibrationTestMovies;

/** The calibration's fit as the guided command shows it: the measured levels and the recipe's line. */
class CalibrationPlotTest {

	@Test
	void showsTheLevelsTheLineWasFittedToAndTheRecipesLine() {
		final NoiseCalibration c = NoiseCalibration.measure(NoiseCalibrationTestMovies.camera(2.0, 100,
			3, 500, 12, 65535, 9), 0, 12, "camera");
		final long used = c.levels().stream().filter(l -> l.used).count();
		assertTrue(used >= 3, "levels " + used);
		final double[] means = c.levels().stream().filter(l -> l.used).mapToDouble(l -> l.mean)
			.toArray();
		final double[] variances = c.levels().stream().filter(l -> l.used).mapToDouble(l -> l.variance)
			.toArray();
		for (int i = 1; i < means.length; i++)
			assertTrue(means[i] > means[i - 1], "darkest first");
		assertTrue(variances[variances.length - 1] > 2 * variances[0], "shot noise grows with the level");
		final Plot plot = CalibrationPlot.plot(c, "camera.tif");
		assertTrue(plot.getTitle().startsWith(CalibrationPlot.TITLE), plot.getTitle());
		final float[][] measured = plot.getDataObjectArrays(0);
		for (int i = 0; i < means.length; i++) {
			assertEquals(means[i], measured[0][i], 1e-3 * means[i]);
			assertEquals(variances[i], measured[1][i], 1e-3 * variances[i]);
		}
		final boolean leftOut = c.levels().stream().anyMatch(l -> !l.used);
		final float[][] line = plot.getDataObjectArrays(leftOut ? 2 : 1);
		for (int i = 0; i < line[0].length; i++)
			assertEquals(c.variance(line[0][i]), line[1][i], 1e-3 * c.variance(line[0][i]),
				"the recipe's line at " + line[0][i]);
	}
}
