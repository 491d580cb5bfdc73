package org.pssr.fiji;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Plot;
import ij.process.FloatProcessor;

import org.pssr.app.SourceMovies;
import org.pssr.app.TrainJob;
import org.pssr.app.TwinDraw;
import org.pssr.imagej.ImageJLogger;
import org.pssr.imagej.MovieFiles;
import org.pssr.train.EpochReport;
import org.pssr.train.StepProgress;
import org.pssr.train.TrainingListener;
import org.pssr.train.TrainingOptions;
import org.pssr.train.TwinDatasetOpener;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins > PSSR > Train Model: trains on a twin dataset folder, or on twins drawn on the fly from
 * HR movies, and writes a model bundle; the options of {@code pssr train}. With a display, a live
 * plot of training and validation loss and a preview (input, output, target) are updated each
 * epoch; headless, one log line per epoch. Pressing Esc finishes early and keeps the best model;
 * cancelling the command (SciJava's cancel, as Fiji's task bar offers) stops and writes nothing.
 */
@Plugin(type = Command.class, menuPath = "Plugins>PSSR>Train Model", headless = true)
public final class TrainModelCommand extends TwinDrawCommand {

	@Parameter(label = "Twin dataset folder", style = "directory", required = false,
		persist = false)
	File dataset;

	@Parameter(label = "Or HR movies/folders to draw twins from (';'-separated)", required = false,
		persist = false)
	String movies = "";

	@Parameter(label = "Model bundle (*.pssr.zip)", style = "save", persist = false)
	File modelfile;

	@Parameter(label = "Preset", choices = { "small", "pssr", "fast" })
	String preset = "small";

	@Parameter(label = "Epochs", min = "1")
	int epochs = 10;

	@Parameter(label = "Batch", min = "1")
	int batch = 8;

	@Parameter(label = "Learning rate")
	double lr = 1e-3;

	@Parameter(label = "Weight decay", min = "0")
	double wd = 1e-3;

	@Parameter(label = "Stability weight", min = "0")
	double stability = 1;

	@Parameter(label = "Random seed")
	long seed = 42;

	@Parameter(label = "Device", choices = { "auto", "cpu", "gpu" })
	String device = "auto";

	@Parameter(label = "Progress every N steps", min = "1")
	int progressevery = 1;

	@Parameter(label = "Resume from checkpoint (last.ckpt, optional)", required = false,
		persist = false)
	File resume;

	@Override
	public void run() {
		final boolean display = !GraphicsEnvironment.isHeadless() && IJ.getInstance() != null;
		try {
			final TrainJob job = new TrainJob(new TrainingOptions().preset(preset).epochs(epochs).batch(
				batch).learningRate(lr).weightDecay(wd).stability(stability).seed(seed).device(device)
				.progressEvery(progressevery).resume(Commands.given(resume) ? resume.toPath() : null),
				modelfile.toPath());
			try (TwinDatasetOpener.Split split = open()) {
				final String summary = job.run(split, ImageJLogger.INSTANCE, new Progress(display, epochs,
					job::finishNow, () -> {
						if (isCanceled()) job.cancel();
					}));
				IJ.log("PSSR: " + summary);
			}
		}
		catch (final CancellationException e) {
			IJ.log("PSSR: training cancelled; nothing written");
		}
		catch (final IOException | IllegalArgumentException | IllegalStateException e) {
			Commands.fail(this, e);
		}
	}

	private TwinDatasetOpener.Split open() throws IOException {
		final boolean fromMovies = movies != null && !movies.trim().isEmpty();
		if (Commands.given(dataset) == fromMovies) throw new IllegalArgumentException(
			"give either a twin dataset folder or HR movies to draw twins from");
		if (!fromMovies) return TrainJob.dataset(dataset.toPath());
		final TwinDraw draw = draw();
		draw.validationCount();
		return TrainJob.movies(SourceMovies.open(SourceMovies.expand(SourceMovies.split(movies)),
			channel, zastime, MovieFiles.IMAGEJ), draw, seed);
	}

	/** Log lines, progress bar, live loss plot and validation preview. */
	private static final class Progress implements TrainingListener {

		private final boolean display;
		private final int epochs;
		private final Runnable finish;
		private final Runnable checkCancel;
		private final List<Double> train = new ArrayList<>();
		private final List<Double> valid = new ArrayList<>();
		private ImagePlus plot;
		private ImagePlus preview;

		Progress(final boolean display, final int epochs, final Runnable finish,
			final Runnable checkCancel)
		{
			this.display = display;
			this.epochs = epochs;
			this.finish = finish;
			this.checkCancel = checkCancel;
		}

		@Override
		public void step(final StepProgress p) {
			IJ.showStatus("PSSR training: " + p + " (Esc: finish now, keep best)");
			if (IJ.escapePressed()) {
				IJ.resetEscape();
				finish.run();
			}
			checkCancel.run();
		}

		@Override
		public void epoch(final EpochReport r) {
			IJ.showProgress(r.epoch, epochs);
			train.add(r.trainLoss);
			valid.add(r.validLoss);
			if (!display) return;
			final double[] x = new double[train.size()];
			for (int i = 0; i < x.length; i++) {
				x[i] = i + 1;
			}
			final Plot p = new Plot("PSSR training loss", "epoch", "L1 loss");
			p.setColor(java.awt.Color.BLUE);
			p.addPoints(x, train.stream().mapToDouble(Double::doubleValue).toArray(), Plot.LINE);
			p.setColor(java.awt.Color.RED);
			p.addPoints(x, valid.stream().mapToDouble(Double::doubleValue).toArray(), Plot.LINE);
			p.addLegend("training\nvalidation");
			p.setLimitsToFit(false);
			if (plot == null) {
				plot = p.getImagePlus();
				plot.show();
			}
			else plot.setProcessor(p.getProcessor());
			final EpochReport.Preview v = r.preview;
			if (v == null) return;
			final ImageStack s = new ImageStack(v.width, v.height);
			s.addSlice("input (bilinear)", new FloatProcessor(v.width, v.height, v.input));
			s.addSlice("output", new FloatProcessor(v.width, v.height, v.output));
			s.addSlice("target", new FloatProcessor(v.width, v.height, v.target));
			if (preview == null) {
				preview = new ImagePlus("PSSR validation preview", s);
				preview.setDisplayRange(0, 1);
				preview.show();
			}
			else preview.setStack(s);
		}
	}
}
