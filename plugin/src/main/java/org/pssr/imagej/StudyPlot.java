package org.pssr.imagej;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.gui.Plot;

import org.pssr.app.QualityStudy;

/**
 * A quality study as a PNG: the PSNR gain over bicubic on every held-out movie, one line per
 * choice, so a choice that helps one movie and hurts another shows.
 */
public final class StudyPlot {

	private static final Color[] COLOURS = { Color.BLUE, Color.RED, new Color(0, 140, 0), Color.MAGENTA,
		Color.ORANGE, Color.CYAN.darker(), Color.GRAY, Color.BLACK };

	private StudyPlot() {}

	public static Plot plot(final List<QualityStudy.Fold> folds) {
		final List<String> choices = new ArrayList<>();
		final List<String> movies = new ArrayList<>();
		for (final QualityStudy.Fold f : folds) {
			if (!choices.contains(f.choice)) choices.add(f.choice);
			if (!movies.contains(f.heldOut)) movies.add(f.heldOut);
		}
		final Plot plot = new Plot("PSSR quality study", "held-out movie (" + String.join(", ",
			numbered(movies)) + ")", "PSNR gain over bicubic (dB)");
		for (int c = 0; c < choices.size(); c++) {
			final double[] x = new double[movies.size()];
			final double[] y = new double[movies.size()];
			for (final QualityStudy.Fold f : folds) {
				if (!f.choice.equals(choices.get(c))) continue;
				final int m = movies.indexOf(f.heldOut);
				x[m] = m + 1;
				y[m] = f.psnrGain();
			}
			plot.setColor(COLOURS[c % COLOURS.length]);
			plot.add("connected circle", x, y);
		}
		plot.setColor(Color.LIGHT_GRAY);
		plot.drawDottedLine(0.5, 0, movies.size() + 0.5, 0, 2);
		plot.setLimitsToFit(false);
		plot.setLegend(String.join("\t", choices), Plot.AUTO_POSITION);
		return plot;
	}

	private static List<String> numbered(final List<String> names) {
		final List<String> out = new ArrayList<>();
		for (int i = 0; i < names.size(); i++)
			out.add((i + 1) + " " + names.get(i).replaceFirst("\\.[^.]*$", ""));
		return out;
	}

	/** Writes the plot to {@code png} once complete. */
	public static void save(final List<QualityStudy.Fold> folds, final Path png) throws IOException {
		PngFiles.write(plot(folds).getImagePlus(), png);
	}
}
