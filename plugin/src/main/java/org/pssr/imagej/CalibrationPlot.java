package org.pssr.imagej;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.gui.Plot;

import org.pssr.crappify.NoiseCalibration;

/**
 * The fit of a noise calibration, to judge it by eye: the noise variance measured at each intensity
 * level (the levels the fit left out in grey) and the line of the recipe, {@code gain * (mean -
 * offset) + read noise^2}, which the training data's noise will follow. A camera's levels lie on the
 * line; levels far above it in a part of the range are texture or motion the measurement took for
 * noise.
 */
public final class CalibrationPlot {

	/** The plot's title begins with this. */
	public static final String TITLE = "PSSR noise calibration";

	private CalibrationPlot() {}

	/** @param name the movie's name, in the title */
	public static Plot plot(final NoiseCalibration c, final String name) {
		final List<Double> usedMean = new ArrayList<>();
		final List<Double> usedVariance = new ArrayList<>();
		final List<Double> leftMean = new ArrayList<>();
		final List<Double> leftVariance = new ArrayList<>();
		for (final NoiseCalibration.Level level : c.levels()) {
			(level.used ? usedMean : leftMean).add(level.mean);
			(level.used ? usedVariance : leftVariance).add(level.variance);
		}
		double low = Math.min(c.offset, c.low);
		double high = c.high;
		for (final NoiseCalibration.Level level : c.levels()) {
			low = Math.min(low, level.mean);
			high = Math.max(high, level.mean);
		}
		final Plot plot = new Plot(TITLE + " of " + name, "mean intensity (the movie's units)",
			"noise variance");
		plot.setColor(Color.BLUE, Color.BLUE);
		plot.addPoints(array(usedMean), array(usedVariance), Plot.CIRCLE);
		final StringBuilder legend = new StringBuilder("measured (" + c.method + ")");
		if (!leftMean.isEmpty()) {
			plot.setColor(Color.GRAY);
			plot.addPoints(array(leftMean), array(leftVariance), Plot.X);
			legend.append("\tleft out of the fit");
		}
		// flat below the offset, where no light adds shot noise
		final double[] line = { low, Math.max(low, c.offset), high };
		plot.setColor(Color.RED);
		plot.setLineWidth(2);
		plot.addPoints(line, new double[] { c.variance(line[0]), c.variance(line[1]), c.variance(
			line[2]) }, Plot.LINE);
		plot.setLineWidth(1);
		plot.setColor(Color.BLACK);
		legend.append(String.format(Locale.ROOT, "\trecipe: gain %.3g, offset %.4g, read noise %.3g",
			c.gain, c.offset, c.readNoise));
		plot.addLegend(legend.toString());
		plot.setLimitsToFit(false);
		return plot;
	}

	private static double[] array(final List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).toArray();
	}
}
