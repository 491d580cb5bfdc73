package org.pssr.fiji;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import ij.IJ;
import ij.ImagePlus;

import org.pssr.app.GuidedJob;
import org.pssr.app.SourceMovies;
import org.pssr.app.TwinDraw;
import org.pssr.crappify.NoiseCalibration;
import org.pssr.imagej.CalibrationPlot;
import org.pssr.imagej.EvaluationFigures;
import org.pssr.imagej.ImageJLogger;
import org.pssr.imagej.ImagePlusMovie;
import org.pssr.imagej.MovieFiles;
import org.pssr.train.EpochReport;
import org.pssr.train.StepProgress;
import org.pssr.train.TrainingListener;
import org.pssr.train.TrainingOptions;
import org.pssr.train.eval.Evaluation;
import org.pssr.train.eval.EvaluationFigure;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.task.TaskService;
import org.scijava.thread.ThreadService;
import org.scijava.widget.FileWidget;

/**
 * Plugins > PSSR > Super-Resolve My Movies (guided): the whole path in one dialog ({@link
 * GuidedJob}). Given low-resolution movies and HR movies of the same kind of sample, it calibrates
 * the noise (and the blur) of the first movie and shows the fit, trains a model on the HR movies with
 * that recipe (the loss plot and preview of Train Model), super-resolves every movie into the output
 * folder and opens the results, and evaluates the model on the last HR movie, kept aside, against
 * the best classical answer (its table and figure). Given a trained model instead, it only
 * super-resolves. The settings behind <i>Advanced...</i> are those of Train Model, with its
 * defaults. Macro: {@code run("Super-Resolve My Movies (guided)", "inputs=[/lr.tif]
 * hr=[/hr1.tif;/hr2.tif] output=[/out]");}
 */
@Plugin(type = Command.class, menuPath = "Plugins>PSSR>Super-Resolve My Movies (guided)",
	label = "Super-Resolve My Movies (guided)", headless = true)
public final class SuperResolveMyMoviesCommand extends AdvancedCommand {

	/** Its task in Fiji's task list. */
	static final String TASK = "PSSR: super-resolve my movies";

	@Parameter(label = "Movie (open image)", required = false, persist = false,
		description = "The low-resolution movie to super-resolve, when no files are given below.")
	ImagePlus image;

	@Parameter(label = "Low-resolution movies (';'-separated; empty: the open image)",
		required = false, persist = false,
		description = "The movies to super-resolve (TIFF, CZI), or folders of them, separated by ';': " +
			"raw acquisitions, not denoised. The first one's noise is measured for the training data. " +
			"Empty: the open image.")
	String inputs = "";

	@Parameter(label = "Trained model (empty: train one on HR movies)", required = false,
		style = FileWidget.OPEN_STYLE, persist = false,
		description = "A model made by Train Model or by this command (.pssr.zip), a bioimage.io " +
			"package (.zip) or a TensorFlow SavedModel folder. Leave it empty to train a model on " +
			"high-resolution movies (next field).")
	File modelfile;

	@Parameter(label = "Or HR movies of the same kind of sample (';'-separated)", required = false,
		persist = false,
		description = "High-resolution movies (TIFF, CZI), or folders of them, of the same kind of " +
			"sample as the low-resolution movies: a model is trained on them with the noise and blur " +
			"measured on the first low-resolution movie. With two or more, the last is kept aside to " +
			"evaluate the model on.")
	String hr = "";

	@Parameter(label = "Output folder", style = FileWidget.DIRECTORY_STYLE, persist = false,
		description = "Where everything goes: NAME_pssr.tif for every movie, and when a model is " +
			"trained the recipe file, model.pssr.zip and the evaluation (evaluation.png, " +
			"evaluation.csv).")
	File output;

	@Advanced
	@Parameter(label = "Channel", min = "1", description = Descriptions.CHANNEL)
	int channel = TwinDraw.DEFAULTS.channel();

	@Advanced
	@Parameter(label = "Scale factor", initializer = "listScales",
		description = Descriptions.SCALE + " The high-resolution movies' pixels must be this many " +
			"times finer than the low-resolution movies'.")
	String scale = String.valueOf(TwinDraw.DEFAULTS.scale());

	@Advanced
	@Parameter(label = "Model size", initializer = "listNetworks",
		description = Descriptions.PRESET)
	String preset = TrainingOptions.DEFAULTS.preset();

	@Advanced
	@Parameter(label = "Epochs", min = "1", description = Descriptions.EPOCHS)
	int epochs = TrainingOptions.DEFAULTS.epochs();

	@Advanced
	@Parameter(label = "Tile size (HR pixels)", min = "8", description = Descriptions.TILE)
	int tile = TwinDraw.DEFAULTS.tile();

	@Advanced
	@Parameter(label = "Number of samples", min = "1", description = Descriptions.SAMPLES)
	int samples = TwinDraw.DEFAULTS.samples();

	@Advanced
	@Parameter(label = "Batch size", min = "1", description = Descriptions.BATCH)
	int batch = TrainingOptions.DEFAULTS.batch();

	@Advanced
	@Parameter(label = "Stability weight", min = "0", stepSize = "0.1",
		description = Descriptions.STABILITY)
	double stability = TrainingOptions.DEFAULTS.stability();

	@Advanced
	@Parameter(label = "Random seed", description = Descriptions.TRAINING_SEED +
		" It also draws the noise of the evaluation.")
	long seed = TrainingOptions.DEFAULTS.seed();

	@Advanced
	@Parameter(label = "Run on", initializer = "listDevices",
		description = Descriptions.DEVICE)
	String device = TrainingOptions.DEFAULTS.device();

	@Parameter
	private TaskService tasks;

	@Parameter
	private ThreadService threads;

	public SuperResolveMyMoviesCommand() {
		super("<b>Super-resolve your movies</b> in one go. Give your low-resolution movies and " +
			"high-resolution movies of the same kind of sample: the noise of your movies is measured, " +
			"a model is trained on the high-resolution movies to undo it (a loss plot and a preview " +
			"show how it learns; <b>Esc</b> finishes early), every movie is super-resolved into the " +
			"output folder, and the model is evaluated on the last high-resolution movie, kept aside. " +
			"Or give a trained model to super-resolve with it.", "super-resolve-my-movies-guided");
	}

	@Override
	void execute() throws IOException {
		final GuidedJob job = new GuidedJob(TwinDraw.builder().channel(channel).scale(Integer.parseInt(
			scale)).tile(tile).samples(samples).build(), TrainingOptions.builder().preset(preset).epochs(
				epochs).batch(batch).stability(stability).seed(seed).device(device).build(),
			MovieFiles.IMAGEJ, EvaluationFigures::save);
		final List<GuidedJob.Acquisition> lr = acquisitions();
		final Path model = Commands.given(modelfile) ? modelfile.toPath() : null;
		final boolean display = !GraphicsEnvironment.isHeadless() && IJ.getInstance() != null;
		final GuidedJob.Result result;
		try {
			if (model != null) result = run(job, lr, model, new Shown(display, TrainingListener.NONE));
			else try (TrainingDisplay training = TrainingDisplay.start(tasks, TASK, this, epochs,
				job::finishNow, job::cancel))
			{
				result = run(job, lr, null, new Shown(display, training));
			}
		}
		catch (final CancellationException e) {
			IJ.log("PSSR: cancelled; what was complete is in " + output);
			return;
		}
		IJ.log("PSSR: done; " + result.movies.size() + " super-resolved movie(s)" + (model == null
			? ", the recipe, the model" + (result.evaluation == null ? "" : " and the evaluation") : "") +
			" in " + output);
	}

	private GuidedJob.Result run(final GuidedJob job, final List<GuidedJob.Acquisition> lr,
		final Path model, final Shown shown) throws IOException
	{
		final GuidedJob.Result result = job.run(lr, model, SourceMovies.split(hr == null ? "" : hr),
			output.toPath(), Commands.rule(overwrite), ImageJLogger.INSTANCE, shown);
		if (shown.last != null) Commands.showToMacro(shown.last, threads);
		return result;
	}

	private List<GuidedJob.Acquisition> acquisitions() throws IOException {
		final List<GuidedJob.Acquisition> lr = new ArrayList<>();
		if (inputs != null && !inputs.trim().isEmpty()) {
			for (final Path file : SourceMovies.expand(SourceMovies.split(inputs)))
				lr.add(GuidedJob.Acquisition.file(file));
			return lr;
		}
		if (image == null) throw new IllegalArgumentException("no low-resolution movie: open one or " +
			"give inputs=[...]");
		lr.add(GuidedJob.Acquisition.image(image.getTitle(), Commands.movie(image, null, channel),
			ImagePlusMovie.file(image).orElse(null)));
		return lr;
	}

	/**
	 * What the user sees as the job goes: the calibration's fit, the training (its loss plot and
	 * preview), every super-resolved movie in a window, the evaluation's table and figure.
	 * Headless, the log says it all.
	 */
	private static final class Shown implements GuidedJob.Steps {

		private final boolean display;
		private final TrainingListener training;
		/** The last super-resolved movie, for the calling macro. */
		ImagePlus last;

		Shown(final boolean display, final TrainingListener training) {
			this.display = display;
			this.training = training;
		}

		@Override
		public void calibrated(final String movie, final NoiseCalibration calibration,
			final Path recipe)
		{
			if (display) CalibrationPlot.plot(calibration, movie).show();
		}

		@Override
		public void step(final StepProgress progress) {
			training.step(progress);
		}

		@Override
		public void epoch(final EpochReport report) {
			training.epoch(report);
		}

		@Override
		public void superResolved(final Path movie) {
			last = IJ.openVirtual(movie.toString());
			if (display) last.show();
		}

		@Override
		public void evaluated(final Evaluation evaluation, final EvaluationFigure figure,
			final Path png)
		{
			if (!display) return;
			EvaluateModelCommand.table(evaluation).show(EvaluateModelCommand.TABLE);
			EvaluationFigures.image(figure).show();
		}
	}
}
