package org.pssr.fiji;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.util.concurrent.CancellationException;

import ij.IJ;

import org.pssr.app.OutputRule;
import org.pssr.app.SourceMovies;
import org.pssr.app.TrainJob;
import org.pssr.app.TwinDraw;
import org.pssr.imagej.ImageJLogger;
import org.pssr.imagej.MovieFiles;
import org.pssr.train.TrainingOptions;
import org.pssr.train.TwinDatasetOpener;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.task.Task;
import org.scijava.task.TaskService;

/**
 * Plugins > PSSR > Train Model: trains on a twin dataset folder, or on twins drawn on the fly from
 * HR movies, and writes a model bundle; the options of {@code pssr train}. With a display, a live
 * plot of training and validation loss and a preview (input, output, target) are updated each
 * epoch ({@link TrainingDisplay}); headless, one log line per epoch. Pressing Esc finishes early and
 * keeps the best model; cancelling stops and writes nothing, whether the command is cancelled
 * (SciJava's cancel) or its task in Fiji's task list (the circle in the status bar).
 */
@Plugin(type = Command.class, menuPath = "Plugins>PSSR>Train Model", headless = true)
public final class TrainModelCommand extends TwinDrawCommand {

	@Parameter(label = "Twin dataset folder", style = "directory", required = false,
		persist = false,
		description = "A folder made by Generate Twin Training Data. Leave it empty to train " +
			"directly on movies (next field).")
	File dataset;

	@Parameter(label = "Or HR movies (';'-separated)", required = false, persist = false,
		description = "Train directly on high-resolution movies (TIFF, CZI) or folders of them, " +
			"separated by ';': fresh twins are drawn every epoch with the twin options above. Leave " +
			"it empty when a dataset folder is given.")
	String movies = "";

	@Parameter(label = "Save the model as (.pssr.zip)", style = "save", persist = false,
		description = "The trained model, one file to give to Super-Resolve Movie. Checkpoints " +
			"(best.ckpt, last.ckpt) are kept in a folder beside it.")
	File modelfile;

	@Parameter(label = "Model size", choices = { "small", "pssr", "fast" },
		description = "small: a compact network that trains on a CPU (minutes to hours). pssr: " +
			"PSSR's full-size network; use a GPU. fast: a network working at low resolution, the " +
			"quickest and the least detailed.")
	String preset = "small";

	@Parameter(label = "Epochs", min = "1",
		description = "Passes over the training data. More epochs give a better model and take " +
			"longer; Esc finishes early and keeps the best model so far.")
	int epochs = 10;

	@Parameter(label = "Batch size", min = "1",
		description = "Samples per training step. Lower it when memory runs short (training also " +
			"halves it by itself when memory runs out).")
	int batch = 8;

	@Parameter(label = "Learning rate", stepSize = "0.001",
		description = "Peak learning rate of the one-cycle schedule; the default suits most data.")
	double lr = 1e-3;

	@Parameter(label = "Weight decay", min = "0", stepSize = "0.001",
		description = "Strength of the regularisation (decoupled weight decay); the default suits " +
			"most data.")
	double wd = 1e-3;

	@Parameter(label = "Stability weight", min = "0", stepSize = "0.1",
		description = "How strongly the outputs for the two noise draws of a sample must agree; " +
			"this is what removes flicker from super-resolved movies. 0 trains a plain model.")
	double stability = TrainingOptions.DEFAULT_STABILITY;

	@Parameter(label = "Random seed",
		description = "The same seed, data and options train the same model.")
	long seed = 42;

	@Parameter(label = "Run on", choices = { "auto", "cpu", "gpu" },
		description = "auto: the GPU when there is one, else the CPU. The device used is logged.")
	String device = "auto";

	@Parameter(label = "Status update every N steps", min = "1",
		description = "How often the status bar and the Log window report the loss and the time left.")
	int progressevery = 1;

	@Parameter(label = "Resume from (last.ckpt, optional)", required = false, persist = false,
		description = "Continue an interrupted training from the last.ckpt in the checkpoint folder " +
			"beside its model; the options must be those it was started with.")
	File resume;

	@Parameter(label = "Replace an earlier output", required = false, persist = false,
		description = "Replace an output pssr made earlier (of the same kind). Unticked, Fiji asks " +
			"first; a macro or a headless run stops instead. A file pssr did not make is never " +
			"replaced.")
	boolean overwrite;
	@Parameter
	private TaskService tasks;

	public TrainModelCommand() {
		super("<b>Train a model</b> on a twin dataset folder (made by <i>Generate Twin Training " +
			"Data</i>) or directly on high-resolution movies, with the twin options below. A loss " +
			"plot and a preview are updated after every epoch. <b>Esc</b> finishes early and keeps " +
			"the best model so far; cancelling the task (the circle in the status bar) stops without " +
			"writing a model.", "train-model");
	}

	@Override
	void execute() throws IOException {
		final boolean display = !GraphicsEnvironment.isHeadless() && IJ.getInstance() != null;
		Commands.rule(overwrite).check("modelfile", modelfile.toPath(), OutputRule.Kind.MODEL);
		final Task task = tasks.createTask("PSSR training");
		try {
			final TrainJob job = new TrainJob(new TrainingOptions().preset(preset).epochs(epochs).batch(
				batch).learningRate(lr).weightDecay(wd).stability(stability).seed(seed).device(device)
				.progressEvery(progressevery).resume(Commands.given(resume) ? resume.toPath() : null),
				modelfile.toPath());
			task.setCancelCallBack(() -> {
				cancel(task.getCancelReason());
				job.cancel();
			});
			task.setProgressMaximum(epochs);
			task.start();
			if (display) IJ.log("PSSR: Esc finishes the training early with the best model so far; " +
				"stopping its task (the circle in the status bar) cancels it");
			try (TwinDatasetOpener.Split split = open()) {
				final String summary = job.run(split, ImageJLogger.INSTANCE, new TrainingDisplay(display,
					epochs, task, job::finishNow, () -> {
						if (isCanceled()) job.cancel();
					}));
				IJ.log("PSSR: " + summary);
			}
		}
		catch (final CancellationException e) {
			IJ.log("PSSR: training cancelled; nothing written");
		}
		finally {
			task.finish();
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

	@Override
	boolean allowReplacing() {
		overwrite = true;
		return true;
	}
}
