package org.pssr.imagej;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import ij.ImagePlus;
import ij.gui.Plot;

import org.pssr.app.AcquisitionPlan;
import org.pssr.train.eval.Evaluation;
import org.pssr.train.eval.Method;

/**
 * The acquisition plan as a PNG: PSNR against the downsampling factor, the model beside the best
 * classical answer and bicubic.
 */
public final class PlanPlot {

	private PlanPlot() {}

	public static ImagePlus plot(final List<AcquisitionPlan.Row> rows) {
		final double[] scales = new double[rows.size()];
		final double[] model = new double[rows.size()];
		final double[] best = new double[rows.size()];
		final double[] bicubic = new double[rows.size()];
		for (int i = 0; i < rows.size(); i++) {
			final Evaluation e = rows.get(i).evaluation;
			scales[i] = rows.get(i).scale;
			model[i] = e.meanPsnr(Method.MODEL);
			best[i] = e.meanPsnr(e.bestClassical());
			bicubic[i] = e.meanPsnr(Method.BICUBIC);
		}
		final Plot plot = new Plot("PSNR against downsampling", "downsampling factor (x)",
			"PSNR (dB)");
		plot.setColor(Color.BLUE);
		plot.add("connected circle", scales, model);
		plot.setLabel(-1, "model");
		plot.setColor(new Color(0, 140, 0));
		plot.add("connected circle", scales, best);
		plot.setLabel(-1, "best classical");
		plot.setColor(Color.GRAY);
		plot.add("connected circle", scales, bicubic);
		plot.setLabel(-1, "bicubic");
		plot.setLimitsToFit(false);
		plot.setLegend("model\tbest classical (bicubic + best blur)\tbicubic", Plot.AUTO_POSITION);
		return plot.getImagePlus();
	}

	/** Writes the plot to {@code png} once complete. */
	public static void save(final List<AcquisitionPlan.Row> rows, final Path png) throws IOException {
		PngFiles.write(plot(rows), png);
	}
}
