package org.pssr.fiji;

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

	@Parameter(label = "Model size", initializer = "listNetworks",
		description = Descriptions.PRESET)
	String preset = TrainingOptions.DEFAULTS.preset();

	@Parameter(label = "Epochs", min = "1", description = Descriptions.EPOCHS)
	int epochs = TrainingOptions.DEFAULTS.epochs();

	@Advanced
	@Parameter(label = "Batch size", min = "1", description = Descriptions.BATCH)
	int batch = TrainingOptions.DEFAULTS.batch();

	@Advanced
	@Parameter(label = "Learning rate", stepSize = "0.001",
		description = "Peak learning rate of the one-cycle schedule; the default suits most data.")
	double lr = TrainingOptions.DEFAULTS.learningRate();

	@Advanced
	@Parameter(label = "Weight decay", min = "0", stepSize = "0.001",
		description = "Strength of the regularisation (decoupled weight decay); the default suits " +
			"most data.")
	double wd = TrainingOptions.DEFAULTS.weightDecay();

	@Advanced
	@Parameter(label = "Stability weight", min = "0", stepSize = "0.1",
		description = Descriptions.STABILITY)
	double stability = TrainingOptions.DEFAULTS.stability();

	@Advanced
	@Parameter(label = "Random seed", description = Descriptions.TRAINING_SEED)
	long seed = TrainingOptions.DEFAULTS.seed();

	@Advanced
	@Parameter(label = "Run on", initializer = "listDevices",
		description = Descriptions.DEVICE)
	String device = TrainingOptions.DEFAULTS.device();

	@Advanced
	@Parameter(label = "Status update every N steps", min = "1",
		description = "How often the status bar and the Log window report the loss and the time left.")
	int progressevery = 1;

	@Advanced
	@Parameter(label = "Resume from (last.ckpt, optional)", required = false, persist = false,
		description = "Continue an interrupted training from the last.ckpt in the checkpoint folder " +
			"beside its model; the options must be those it was started with.")
	File resume;

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
		Commands.rule(overwrite).check("modelfile", modelfile.toPath(), OutputRule.Kind.MODEL);
		final TrainJob job = new TrainJob(TrainingOptions.builder().preset(preset).epochs(epochs).batch(
			batch).learningRate(lr).weightDecay(wd).stability(stability).seed(seed).device(device)
			.progressEvery(progressevery).resume(Commands.given(resume) ? resume.toPath() : null).build(),
			modelfile.toPath());
		try (TrainingDisplay display = TrainingDisplay.start(tasks, "PSSR training", this, epochs,
			job::finishNow, job::cancel); TwinDatasetOpener.Split split = open())
		{
			IJ.log("PSSR: " + job.run(split, ImageJLogger.INSTANCE, display));
		}
		catch (final CancellationException e) {
			IJ.log("PSSR: training cancelled; nothing written");
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
}
