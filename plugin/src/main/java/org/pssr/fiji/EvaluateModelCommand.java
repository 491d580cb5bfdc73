package org.pssr.fiji;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import ij.IJ;
import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.pssr.app.OutputRule;
import org.pssr.app.AcquisitionPlan;
import org.pssr.app.EvaluateJob;
import org.pssr.app.OpenModel;
import org.pssr.imagej.EvaluationFigures;
import org.pssr.imagej.ImageJLogger;
import org.pssr.imagej.PlanPlot;
import org.pssr.train.eval.Evaluation;
import org.pssr.train.eval.Method;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Plugins > PSSR > Evaluate Model: degrades a ground-truth HR movie with the model's recipe,
 * super-resolves it and compares with the best classical answers (bicubic then a Gaussian blur of
 * the best sigma, also after a mean of three frames) and plain interpolation. Shows a results table
 * (one row per method, the best classical answer second, the model's gains over each), a plot of PSNR
 * per frame and the evaluation's figure; headless, the table goes to the log and the figure to its
 * file when one is given.
 */
@Plugin(type = Command.class, menuPath = "Plugins>PSSR>Evaluate Model", label = "Evaluate Model",
	headless = true)
public final class EvaluateModelCommand extends InferenceCommand {

	public static final String TABLE = "PSSR Evaluation";

	@Advanced
	@Parameter(label = "Save per-frame scores (optional .csv)", required = false,
		style = FileWidget.SAVE_STYLE, persist = false,
		description = "Also write the PSNR and SSIM of every frame, for the model and the " +
			"baselines, to this CSV file.")
	File csvfile;

	@Parameter(label = "Recipe (empty: the model's own)", required = false, persist = false,
		description = "Degrade the truth with this recipe instead of the model's own: a recipe name " +
			"or a recipe file made by Calibrate Noise (your microscope's noise).")
	String recipe = "";

	@Advanced
	@Parameter(label = "Plan: downsampling factors (e.g. 2,4,8; empty: one model)", required = false,
		persist = false,
		description = "Evaluate a model per factor to choose pixel size and dwell time: the model " +
			"file's name holds {scale} (e.g. m{scale}.pssr.zip); shows PSNR against the factor beside " +
			"bicubic, and the CSV file gets that table.")
	String scales = "";

	@Advanced
	@Parameter(label = "Save the plan's plot (optional .png)", required = false,
		style = FileWidget.SAVE_STYLE, persist = false,
		description = "With factors above: also write the plot of PSNR against the factor.")
	File plotfile;

	@Parameter(label = "Save the figure (optional .png)", required = false,
		style = FileWidget.SAVE_STYLE, persist = false,
		description = "Also write the figure: one frame side by side (LR input, bicubic, model, " +
			"truth, model minus truth) and kymographs (a row of pixels through time, where flicker " +
			"shows as streaks). With a display the figure opens in a window anyway.")
	File figurefile;

	@Advanced
	@Parameter(label = "Frame of the figure (0 = the middle one)", min = "0",
		description = "Which frame the figure shows side by side, counted from 1.")
	int figureframe = 0;

	@Advanced
	@Parameter(label = "Noise seed",
		description = "Seed of the degradation noise; the same seed gives the same scores.")
	long seed = 1;

	public EvaluateModelCommand() {
		super("<b>Measure a model</b> on a high-resolution movie it did not train on: the movie is " +
			"degraded with the model's recipe, super-resolved and compared with the original, next " +
			"to the best classical answer (bicubic, then the Gaussian blur that scores best on the " +
			"movie) and plain interpolation. Shows a table (PSNR, SSIM, flicker), a plot of " +
			"PSNR per frame and a figure: one frame side by side, and kymographs where flicker shows.",
			"evaluate-model");
	}

	@Override
	void execute() throws IOException {
		if (scales != null && !scales.trim().isEmpty()) {
			plan();
			return;
		}
		final Evaluation evaluation;
		final EvaluateJob job;
		try (OpenModel model = openModel()) {
			job = new EvaluateJob(model, tile, seed).replacing(Commands.rule(overwrite));
			// headless, a figure is drawn only to be saved
			if (Commands.given(figurefile) || !GraphicsEnvironment.isHeadless()) job.withFigure(
				figureframe, Commands.given(figurefile) ? figurefile.toPath() : null);
			if (recipe != null && !recipe.trim().isEmpty()) job.withRecipe(recipe.trim());
			evaluation = job.run(movie(), source(),
				Commands.given(csvfile) ? csvfile.toPath() : null, ImageJLogger.INSTANCE);
		}
		IJ.log("PSSR evaluation of " + modelfile.getName() + ":\n" + evaluation.summary());
		if (Commands.given(figurefile)) {
			EvaluationFigures.save(job.figure(), figurefile.toPath());
			IJ.log("PSSR: figure in " + figurefile);
		}
		if (GraphicsEnvironment.isHeadless()) return;
		table(evaluation).show(TABLE);
		plot(evaluation).show();
		EvaluationFigures.image(job.figure()).show();
	}

	private void plan() throws IOException {
		final List<Integer> factors = new ArrayList<>();
		try {
			for (final String f : scales.trim().split("[,\\s]+"))
				factors.add(Integer.parseInt(f));
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("factors are whole numbers separated by commas (2,4,8), " +
				"not " + scales);
		}
		final OutputRule rule = Commands.rule(overwrite);
		if (Commands.given(csvfile)) rule.check("csvfile", csvfile.toPath(), OutputRule.Kind.TABLE);
		if (Commands.given(plotfile)) rule.check("plotfile", plotfile.toPath(), OutputRule.Kind.FIGURE);
		final AcquisitionPlan plan = AcquisitionPlan.evaluate(modelfile.getPath(), factors, device,
			tile, seed, recipe == null || recipe.trim().isEmpty() ? null : recipe.trim(), this::movie,
			source(), ImageJLogger.INSTANCE, Commands.given(csvfile) ? csvfile.toPath() : null, Commands
				.given(plotfile) ? plotfile.toPath() : null);
		if (Commands.given(csvfile)) plan.writeCsv(csvfile.toPath());
		if (Commands.given(plotfile)) PlanPlot.save(plan.rows(), plotfile.toPath());
		IJ.log("PSSR acquisition plan:\n" + plan.table());
		if (!GraphicsEnvironment.isHeadless()) PlanPlot.plot(plan.rows()).show();
	}

	/**
	 * One row per method: the model, the best classical answer, the other answers; with what the
	 * model gains over each.
	 */
	static ResultsTable table(final Evaluation evaluation) {
		final ResultsTable table = new ResultsTable();
		final List<Method> order = new ArrayList<>(evaluation.methods());
		order.remove(evaluation.bestClassical());
		order.add(1, evaluation.bestClassical());
		for (final Method method : order) {
			table.incrementCounter();
			table.addValue("method", method.label());
			table.addValue("PSNR (dB)", evaluation.meanPsnr(method));
			table.addValue("SSIM", evaluation.meanSsim(method));
			table.addValue("temporal error", evaluation.temporalError(method));
			table.addValue("frame change", evaluation.frameChange(method));
			table.addValue("truth frame change", evaluation.truthFrameChange());
			table.addValue("noise difference", evaluation.noiseDifference(method));
			table.addValue("blur sigma (HR px)", evaluation.sigma(method));
			final Evaluation.Gain gain = evaluation.gain(method);
			table.addValue("model's PSNR gain (dB)", method == Method.MODEL ? Double.NaN : gain.psnr);
			table.addValue("model's SSIM gain", method == Method.MODEL ? Double.NaN : gain.ssim);
			table.addValue("what it is", method == evaluation.bestClassical() ? "best classical answer: " +
				method.description() : method.description());
		}
		return table;
	}

	/** PSNR per frame: the model, the best classical answer and bicubic. */
	static Plot plot(final Evaluation evaluation) {
		final double[] frames = new double[evaluation.frames()];
		final Method[] shown = { Method.MODEL, evaluation.bestClassical(), Method.BICUBIC };
		final Color[] colours = { Color.RED, new Color(0, 140, 0), Color.BLUE };
		for (int t = 0; t < frames.length; t++)
			frames[t] = t + 1;
		final Plot plot = new Plot("PSSR PSNR per frame", "frame", "PSNR (dB)");
		final StringBuilder legend = new StringBuilder();
		for (int i = 0; i < shown.length; i++) {
			final double[] psnr = new double[frames.length];
			for (int t = 0; t < frames.length; t++)
				psnr[t] = evaluation.psnr(shown[i], t);
			plot.setColor(colours[i]);
			plot.addPoints(frames, psnr, Plot.LINE);
			legend.append(i == 0 ? "" : "\t").append(shown[i].label());
		}
		plot.setColor(Color.BLACK);
		plot.addLegend(legend.toString());
		plot.setLimitsToFit(false);
		return plot;
	}
}
