package org.pssr.imagej;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.gui.Plot;

import org.pssr.app.QualityStudy;

/**
 * A quality study as a PNG: the PSNR gain over the best classical answer on every held-out movie, one line per
 * choice, so a choice that helps one movie and hurts another shows. A choice keeps its colour on
 * every recipe of LR data; the first recipe's lines have circles, the others' none.
 */
public final class StudyPlot {

	private static final Color[] COLOURS = { Color.BLUE, Color.RED, new Color(0, 140, 0), Color.MAGENTA,
		Color.ORANGE, Color.CYAN.darker(), Color.GRAY, Color.BLACK, new Color(140, 70, 20), Color.PINK
			.darker() };

	private StudyPlot() {}

	public static Plot plot(final List<QualityStudy.Fold> folds) {
		final List<String> series = new ArrayList<>();
		final List<String> choices = new ArrayList<>();
		final List<String> degradations = new ArrayList<>();
		final List<String> movies = new ArrayList<>();
		for (final QualityStudy.Fold f : folds) {
			if (!series.contains(f.label())) series.add(f.label());
			if (!choices.contains(f.choice)) choices.add(f.choice);
			if (!degradations.contains(f.degradation)) degradations.add(f.degradation);
			if (!movies.contains(f.heldOut)) movies.add(f.heldOut);
		}
		final Plot plot = new Plot("PSSR quality study", "held-out movie (" + String.join(", ",
			numbered(movies)) + ")", "PSNR gain over the best classical answer (dB)");
		plot.setSize(960, 420);
		double low = 0;
		double high = 0;
		for (final String label : series) {
			final double[] x = new double[movies.size()];
			final double[] y = new double[movies.size()];
			QualityStudy.Fold of = null;
			for (final QualityStudy.Fold f : folds) {
				if (!f.label().equals(label)) continue;
				of = f;
				final int m = movies.indexOf(f.heldOut);
				x[m] = m + 1;
				y[m] = f.overBestClassical().psnr;
				low = Math.min(low, y[m]);
				high = Math.max(high, y[m]);
			}
			// one choice on several LR data: a colour for each, as line styles alone are two
			final Color colour = COLOURS[(choices.size() == 1 ? degradations.indexOf(of.degradation) : choices
				.indexOf(of.choice)) % COLOURS.length];
			plot.setColor(colour, colour);
			plot.add(degradations.indexOf(of.degradation) == 0 ? "connected circle" : "line", x, y);
		}
		final double margin = 0.1 * Math.max(high - low, 0.5);
		// the right third stays free for the legend
		plot.setLimits(0.5, movies.size() + 2, low - margin, high + margin);
		plot.setColor(Color.LIGHT_GRAY);
		plot.drawDottedLine(0.5, 0, movies.size() + 0.5, 0, 2);
		plot.setLegend(String.join("\t", series), Plot.TOP_RIGHT);
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
