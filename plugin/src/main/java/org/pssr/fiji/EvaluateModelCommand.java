package org.pssr.fiji;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.pssr.crappify.Movie;
import org.pssr.train.eval.Evaluation;
import org.pssr.train.eval.Evaluator;
import org.pssr.train.infer.MovieSuperResolver;
import org.pssr.train.infer.TileSizes;
import org.pssr.train.infer.TiledPredictor;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Plugins > PSSR > Evaluate Model: degrades a ground-truth HR movie with the model's recipe,
 * super-resolves it and compares with bicubic and bilinear upsampling. Shows a results table (one
 * row per method) and a plot of PSNR per frame; headless, the table goes to the log.
 */
@Plugin(type = Command.class, menuPath = "Plugins>PSSR>Evaluate Model", label = "Evaluate Model",
	headless = true)
public final class EvaluateModelCommand extends ContextCommand {

	public static final String TABLE = "PSSR Evaluation";

	@Parameter(label = "Ground truth (open image)", required = false, persist = false)
	ImagePlus image;

	@Parameter(label = "Ground-truth file (instead of the open image)", required = false,
		style = FileWidget.OPEN_STYLE, persist = false)
	File inputfile;

	@Parameter(label = "Model file (.pssr.zip)", style = FileWidget.OPEN_STYLE, persist = false)
	File modelfile;

	@Parameter(label = "Per-frame CSV (optional)", required = false, style = FileWidget.SAVE_STYLE,
		persist = false)
	File csvfile;

	@Parameter(label = "Tile size in LR pixels (0 = automatic)", min = "0")
	int tile;

	@Parameter(label = "Device", choices = { "auto", "cpu", "gpu" })
	String device = "auto";

	@Parameter(label = "Channel", min = "1")
	int channel = 1;

	@Parameter(label = "Noise seed")
	long seed = 1;

	@Override
	public void run() {
		final Evaluation evaluation;
		try (OpenModel model = ModelFiles.open(modelfile.toPath(), device)) {
			evaluation = evaluate(model);
			if (Commands.given(csvfile)) {
				try (Writer out = Files.newBufferedWriter(csvfile.toPath(), StandardCharsets.UTF_8)) {
					evaluation.writeCsv(out);
				}
			}
		}
		catch (final IllegalArgumentException | IOException e) {
			Commands.fail(this, e);
			return;
		}
		IJ.log("PSSR evaluation of " + modelfile.getName() + ":\n" + evaluation.summary());
		if (GraphicsEnvironment.isHeadless()) return;
		table(evaluation).show(TABLE);
		plot(evaluation).show();
	}

	Evaluation evaluate(final OpenModel model) throws IOException {
		final Movie truth = Commands.movie(image, inputfile, channel);
		final int side = tile > 0 ? tile : TileSizes.forDevice(model.model().device(), model.model()
			.scale());
		final Evaluator evaluator = new Evaluator(model.model(), new MovieSuperResolver(model.model(),
			new TiledPredictor(model.model(), side)), model.degradation(), seed);
		return evaluator.evaluate(truth, model.normaliser(truth), Commands.progress());
	}

	/** One row per method. */
	static ResultsTable table(final Evaluation evaluation) {
		final ResultsTable table = new ResultsTable();
		for (final String method : evaluation.methods()) {
			table.incrementCounter();
			table.addValue("method", method);
			table.addValue("PSNR (dB)", evaluation.meanPsnr(method));
			table.addValue("SSIM", evaluation.meanSsim(method));
			table.addValue("temporal error", evaluation.temporalError(method));
			table.addValue("frame change", evaluation.frameChange(method));
			table.addValue("truth frame change", evaluation.truthFrameChange());
			table.addValue("noise difference", evaluation.noiseDifference(method));
		}
		return table;
	}

	/** PSNR per frame, model against bicubic. */
	static Plot plot(final Evaluation evaluation) {
		final double[] frames = new double[evaluation.frames()];
		final double[] model = new double[frames.length];
		final double[] bicubic = new double[frames.length];
		for (int t = 0; t < frames.length; t++) {
			frames[t] = t;
			model[t] = evaluation.psnr(Evaluator.MODEL, t);
			bicubic[t] = evaluation.psnr("bicubic", t);
		}
		final Plot plot = new Plot("PSSR PSNR per frame", "frame", "PSNR (dB)");
		plot.setColor(Color.RED);
		plot.addPoints(frames, model, Plot.LINE);
		plot.setColor(Color.BLUE);
		plot.addPoints(frames, bicubic, Plot.LINE);
		plot.setColor(Color.BLACK);
		plot.addLegend("model\tbicubic");
		plot.setLimitsToFit(false);
		return plot;
	}
}
