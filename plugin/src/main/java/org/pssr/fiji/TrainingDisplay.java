package org.pssr.fiji;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Plot;
import ij.gui.PlotWindow;
import ij.process.FloatProcessor;

import org.pssr.train.EpochReport;
import org.pssr.train.StepProgress;
import org.pssr.train.TrainingListener;
import org.scijava.Cancelable;
import org.scijava.task.Task;
import org.scijava.task.TaskService;

/**
 * What Train Model (and the guided command) shows while it trains, called on the training thread:
 * each step the status bar (and Esc, read there), each epoch the progress bar and the task in Fiji's
 * task list; with a display, a plot of training and validation loss and a preview of one validation
 * sample, input | output | target, both redrawn in their windows after every epoch (a closed window
 * opens again). Closing it ends the task.
 */
final class TrainingDisplay implements TrainingListener, AutoCloseable {

	static final String PLOT = "PSSR training loss";
	static final String PREVIEW = "PSSR validation preview";
	/** Tiles are small: the preview is zoomed in until it is at least this tall on screen. */
	private static final int PREVIEW_HEIGHT = 160;

	private final boolean display;
	private final int epochs;
	private final Task task;
	private final Runnable finish;
	private final Runnable checkCancel;
	private final List<Double> train = new ArrayList<>();
	private final List<Double> valid = new ArrayList<>();
	private PlotWindow plot;
	private ImagePlus preview;

	/**
	 * Puts a training in Fiji's task list, where its stop button cancels {@code command} and the
	 * work, and says how to finish early or cancel.
	 *
	 * @param finish what Esc does: finish the training now, keeping the best model
	 * @param cancel stops the work, writing nothing more
	 */
	static TrainingDisplay start(final TaskService tasks, final String name,
		final Cancelable command, final int epochs, final Runnable finish, final Runnable cancel)
	{
		final boolean display = !GraphicsEnvironment.isHeadless() && IJ.getInstance() != null;
		final Task task = tasks.createTask(name);
		task.setCancelCallBack(() -> {
			command.cancel(task.getCancelReason());
			cancel.run();
		});
		task.setProgressMaximum(epochs);
		task.start();
		if (display) IJ.log("PSSR: Esc finishes the training early with the best model so far; " +
			"stopping its task (the circle in the status bar) cancels it");
		return new TrainingDisplay(display, epochs, task, finish, () -> {
			if (command.isCanceled()) cancel.run();
		});
	}

	/**
	 * @param finish what Esc does: finish now, keeping the best model
	 * @param checkCancel stops the run when the command was cancelled
	 */
	private TrainingDisplay(final boolean display, final int epochs, final Task task, final Runnable finish,
		final Runnable checkCancel)
	{
		this.display = display;
		this.epochs = epochs;
		this.task = task;
		this.finish = finish;
		this.checkCancel = checkCancel;
	}

	@Override
	public void step(final StepProgress p) {
		final String where = String.format(Locale.ROOT, "epoch %d/%d: %s left", p.epoch, p.epochs,
			StepProgress.duration(p.etaSeconds));
		// short: a longer status pushes the progress bar out of ImageJ's status bar
		IJ.showStatus("PSSR training, " + where + " (Esc: finish early)");
		task.setStatusMessage(String.format(Locale.ROOT, "%s, loss %.4f", where, p.loss));
		if (IJ.escapePressed()) {
			IJ.resetEscape();
			IJ.log("PSSR: Esc pressed; finishing after this step with the best model so far");
			finish.run();
		}
		checkCancel.run();
	}

	@Override
	public void epoch(final EpochReport r) {
		IJ.showProgress(r.epoch / (double) epochs);
		task.setProgressValue(r.epoch);
		train.add(r.trainLoss);
		valid.add(r.validLoss);
		if (!display) return;
		showPlot();
		if (r.preview != null) showPreview(r.epoch, r.preview);
	}

	@Override
	public void close() {
		task.finish();
	}

	private void showPlot() {
		final double[] x = new double[train.size()];
		for (int i = 0; i < x.length; i++) {
			x[i] = i + 1;
		}
		final Plot p = new Plot(PLOT, "epoch", "L1 loss");
		p.setLineWidth(2);
		p.setColor(Color.BLUE, Color.BLUE);
		p.addPoints(x, train.stream().mapToDouble(Double::doubleValue).toArray(), Plot.CONNECTED_CIRCLES);
		p.setColor(Color.RED, Color.RED);
		p.addPoints(x, valid.stream().mapToDouble(Double::doubleValue).toArray(), Plot.CONNECTED_CIRCLES);
		p.setColor(Color.BLACK);
		p.addLegend("training\nvalidation");
		p.setLimits(0.5, Math.max(epochs, 2) + 0.5, 0, Double.NaN);
		if (plot == null || plot.isClosed()) plot = p.show();
		else plot.drawPlot(p);
	}

	private void showPreview(final int epoch, final EpochReport.Preview v) {
		final FloatProcessor montage = new FloatProcessor(3 * v.width, v.height);
		montage.insert(new FloatProcessor(v.width, v.height, v.input), 0, 0);
		montage.insert(new FloatProcessor(v.width, v.height, v.output), v.width, 0);
		montage.insert(new FloatProcessor(v.width, v.height, v.target), 2 * v.width, 0);
		final String title = PREVIEW + " (epoch " + epoch + "): input | output | target";
		if (preview == null || preview.getWindow() == null) {
			preview = new ImagePlus(title, montage);
			preview.setDisplayRange(0, 1);
			Commands.labelPanels(preview, "input", "output", "target");
			Commands.showAtLeast(preview, PREVIEW_HEIGHT);
		}
		else {
			preview.setProcessor(title, montage);
			preview.setDisplayRange(0, 1);
			preview.updateAndDraw();
		}
	}
}
