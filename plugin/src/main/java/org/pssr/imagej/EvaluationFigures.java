package org.pssr.imagej;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import org.pssr.crappify.IntensityMap;
import org.pssr.train.eval.EvaluationFigure;

/**
 * An evaluation's figure as one RGB image: the chosen frame side by side (LR input, bicubic, the
 * best classical answer, model, truth, |model - truth|), a crop of at most {@value #CROP} HR pixels a
 * side around the kymograph row, and below it the kymographs of bicubic, the best classical answer,
 * the model and the truth over the same columns.
 * Every image panel has the truth's display range, so brightness compares across panels.
 */
public final class EvaluationFigures {

	/** Largest panel side, in HR pixels. */
	static final int CROP = 256;
	private static final int GAP = 8;
	private static final int LABEL = 18;

	private EvaluationFigures() {}

	public static ImagePlus image(final EvaluationFigure f) {
		final int side = Math.min(CROP, Math.min(f.hrWidth(), f.hrHeight()));
		final int scale = f.hrWidth() / f.lrWidth();
		final int x0 = clamp(f.hrWidth() / 2 - side / 2, f.hrWidth() - side) / scale * scale;
		final int y0 = clamp(f.kymographRow() - side / 2, f.hrHeight() - side) / scale * scale;
		final int rowsPerFrame = Math.max(1, Math.round((float) side / f.frames()));
		final int kymographHeight = f.frames() * rowsPerFrame;
		final String[] titles = f.panelTitles();
		final int panels = titles.length;
		final ColorProcessor figure = new ColorProcessor(panels * side + (panels + 1) * GAP, 2 * LABEL +
			side + kymographHeight + 3 * GAP + LABEL);
		figure.setColor(Color.BLACK);
		figure.fill();
		figure.setColor(Color.WHITE);
		figure.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
		figure.setAntialiasedText(true);

		final IntensityMap range = f.displayRange();
		final double spread = range.high() - range.low();
		for (int i = 0; i < panels; i++) {
			final boolean lr = i == 0;
			final FloatProcessor panel = lr ? new FloatProcessor(f.lrWidth(), f.hrHeight() / scale, f
				.panel(i)) : new FloatProcessor(f.hrWidth(), f.hrHeight(), f.panel(i));
			panel.setRoi(x0 / (lr ? scale : 1), y0 / (lr ? scale : 1), side / (lr ? scale : 1), side /
				(lr ? scale : 1));
			ImageProcessor crop = panel.crop();
			if (lr) {
				crop.setInterpolationMethod(ImageProcessor.NONE);
				crop = crop.resize(side, side);
			}
			if (i == panels - 1) crop.setMinAndMax(0, spread / 2);
			else crop.setMinAndMax(range.low(), range.high());
			final int x = GAP + i * (side + GAP);
			figure.insert(crop.convertToRGB(), x, LABEL + GAP);
			figure.drawString(titles[i], x, LABEL);
		}
		final int kymographTop = 2 * LABEL + side + 2 * GAP;
		final String[] kymographs = f.kymographTitles();
		for (int k = 0; k < kymographs.length; k++) {
			final FloatProcessor kymograph = new FloatProcessor(f.hrWidth(), f.frames(), f.kymograph(k));
			kymograph.setRoi(x0, 0, side, f.frames());
			final ImageProcessor crop = kymograph.crop();
			crop.setInterpolationMethod(ImageProcessor.NONE);
			final ImageProcessor tall = crop.resize(side, kymographHeight);
			tall.setMinAndMax(range.low(), range.high());
			final int x = GAP + (k + 1) * (side + GAP);
			figure.insert(tall.convertToRGB(), x, kymographTop);
			figure.drawString(kymographs[k] + ", row " + f.kymographRow(), x, kymographTop - 2);
		}
		figure.drawString("frame " + (f.chosenFrame() + 1) + " of " + f.frames() + "; kymographs: " +
			"time downwards, " + f.frames() + " frames; |model - truth| from 0 to half the truth's range",
			GAP, figure.getHeight() - 4);
		return new ImagePlus("PSSR evaluation figure", figure);
	}

	private static int clamp(final int value, final int max) {
		return Math.max(0, Math.min(value, max));
	}

	/** Writes the figure to {@code png} once complete. */
	public static void save(final EvaluationFigure f, final Path png) throws IOException {
		PngFiles.write(image(f), png);
	}
}
