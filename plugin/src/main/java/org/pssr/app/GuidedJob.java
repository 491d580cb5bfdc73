package org.pssr.app;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

import org.pssr.crappify.Logger;
import org.pssr.crappify.Movie;
import org.pssr.crappify.NoiseCalibration;
import org.pssr.crappify.SourceMovie;
import org.pssr.crappify.io.Folders;
import org.pssr.crappify.io.Outputs;
import org.pssr.train.ModelBundle;
import org.pssr.train.TrainingListener;
import org.pssr.train.TrainingOptions;
import org.pssr.train.TwinDatasetOpener;
import org.pssr.train.eval.Evaluation;
import org.pssr.train.eval.EvaluationFigure;
import org.pssr.train.infer.SlidingWindow;

/**
 * The biologist's path as one job (Fiji's <i>Super-Resolve My Movies (guided)</i>): low-resolution
 * (LR) movies and either a trained model or high-resolution (HR) movies of the same kind of sample
 * in, super-resolved movies out, every file in one folder. With HR movies it makes the model first:
 * it measures the noise of the first LR movie, and its blur against the HR movies, into a recipe
 * file ({@link CalibrateJob}), and trains on twins drawn on the fly from the HR movies with that
 * recipe ({@link TrainJob}). With two HR movies or more, the last is kept out of calibration and
 * training, and the model is evaluated on it ({@link EvaluateJob}): degraded with the calibrated
 * recipe, so LR data like the user's of a field the model never saw, against the best classical
 * answer. With one HR movie there is no movie to evaluate on, and the job says so rather than score
 * the model on what it trained on.
 *
 * <p>
 * Everything that can be refused is checked before any work: the outputs under the output rule,
 * the movies (each opened once), the settings and the twin draw; so a refusal leaves nothing.
 * {@link #finishNow()} and {@link #cancel()} may be called from another thread.
 */
public final class GuidedJob {

	/** The model it trains, in the output folder. */
	public static final String MODEL = "model" + ModelBundle.SUFFIX;
	/** The evaluation's figure and per-frame scores, in the output folder. */
	public static final String FIGURE = "evaluation.png";
	public static final String CSV = "evaluation.csv";

	/** A low-resolution movie to super-resolve: a file, or an image a front end has open. */
	public static final class Acquisition {

		private final String name;
		private final Path file;
		private final Movie open;

		private Acquisition(final String name, final Path file, final Movie open) {
			this.name = name;
			this.file = file;
			this.open = open;
		}

		/** A movie file (TIFF, CZI), opened when the job needs it. */
		public static Acquisition file(final Path file) {
			return new Acquisition(file.getFileName().toString(), file, null);
		}

		/**
		 * An image the front end has open.
		 *
		 * @param file the image's file, which no output may replace; null when it has none
		 */
		public static Acquisition image(final String title, final Movie movie, final Path file) {
			return new Acquisition(title, file, movie);
		}

		/** The name without its extension, which the outputs made from it start with. */
		String base() {
			final int dot = name.lastIndexOf('.');
			return dot > 0 ? name.substring(0, dot) : name;
		}

		Movie movie(final MovieOpener opener, final int channel) throws IOException {
			return open != null ? open : opener.open(file, channel);
		}

		/** Closes a movie this acquisition opened (a CZI holds its file open). */
		void release(final Movie movie) throws IOException {
			if (movie != open && movie instanceof Closeable) ((Closeable) movie).close();
		}
	}

	/** What a front end shows as the job goes, on the job's thread; the training's steps too. */
	public interface Steps extends TrainingListener {

		Steps NONE = new Steps() {};

		/** The noise of {@code movie} is measured into the recipe file; training starts next. */
		default void calibrated(final String movie, final NoiseCalibration calibration,
			final Path recipe)
		{}

		default void superResolved(final Path movie) {}

		/** The figure is written to {@code png}. */
		default void evaluated(final Evaluation evaluation, final EvaluationFigure figure,
			final Path png)
		{}
	}

	/** Writes an evaluation's figure as a PNG: the front ends draw it with ImageJ, which jobs know not. */
	@FunctionalInterface
	public interface FigureWriter {

		void write(EvaluationFigure figure, Path png) throws IOException;
	}

	/** What the job made. */
	public static final class Result {

		/** Null when a model was given. */
		public final NoiseCalibration calibration;
		/** The recipe file; null when a model was given. */
		public final Path recipe;
		/** The model used: the one given, or the one trained. */
		public final Path model;
		/** A super-resolved movie for every LR movie, in their order. */
		public final List<Path> movies;
		/** Null without a held-out HR movie. */
		public final Evaluation evaluation;
		/** The evaluation's figure; null without a held-out HR movie. */
		public final Path figure;

		Result(final NoiseCalibration calibration, final Path recipe, final Path model,
			final List<Path> movies, final Evaluation evaluation, final Path figure)
		{
			this.calibration = calibration;
			this.recipe = recipe;
			this.model = model;
			this.movies = movies;
			this.evaluation = evaluation;
			this.figure = figure;
		}
	}

	private final TwinDraw draw;
	private final TrainingOptions training;
	private final MovieOpener opener;
	private final FigureWriter figures;
	private volatile TrainJob train;
	private volatile boolean finish;
	private volatile boolean cancel;

	/**
	 * @param draw how twins are drawn from the HR movies; its recipe is replaced by the calibrated one,
	 *          its channel is the channel of every movie
	 * @param training how the model is trained; its device and seed also super-resolve and evaluate
	 */
	public GuidedJob(final TwinDraw draw, final TrainingOptions training, final MovieOpener opener,
		final FigureWriter figures)
	{
		this.draw = draw;
		this.training = training;
		this.opener = opener;
		this.figures = figures;
	}

	/**
	 * @param model a trained model; null to train one on {@code hr}
	 * @param hr HR movies or folders of them; empty when a model is given
	 * @param output the folder every output goes to; made when missing
	 * @throws CancellationException after {@link #cancel()}; what was complete stays
	 */
	public Result run(final List<Acquisition> lr, final Path model, final List<Path> hr,
		final Path output, final OutputRule rule, final Logger log, final Steps steps)
		throws IOException
	{
		if (lr.isEmpty()) throw new IllegalArgumentException("no low-resolution movie to super-resolve");
		if ((model == null) == hr.isEmpty()) throw new IllegalArgumentException(model == null
			? "give a trained model or high-resolution movies of the same kind of sample to train one on"
			: "give either a trained model or high-resolution movies to train one on, not both");
		if (Files.exists(output) && !Files.isDirectory(output)) throw new IllegalArgumentException(
			"the output " + output + " is a file; give a folder");
		final List<Path> hrFiles = hr.isEmpty() ? List.of() : SourceMovies.expand(hr);
		final List<Path> trainOn = hrFiles.size() > 1 ? hrFiles.subList(0, hrFiles.size() - 1)
			: hrFiles;
		final Path heldOut = hrFiles.size() > 1 ? hrFiles.get(hrFiles.size() - 1) : null;
		final Path recipe = model == null ? CalibrateJob.defaultOutput(output.resolve(lr.get(0).name))
			: null;
		final Path trained = output.resolve(MODEL);
		final List<Path> movies = outputs(lr, output);
		final Path figure = output.resolve(FIGURE);
		final Path csv = output.resolve(CSV);

		final List<Path> inputs = new ArrayList<>(hrFiles);
		if (model != null) inputs.add(model);
		for (final Acquisition a : lr)
			if (a.file != null) inputs.add(a.file);
		final List<Path> written = new ArrayList<>(movies);
		if (model == null) {
			written.add(recipe);
			written.add(trained);
		}
		if (heldOut != null) {
			written.add(figure);
			written.add(csv);
		}
		for (final Path out : written)
			for (final Path in : inputs)
				Outputs.refuseOverwriting(out, in, "an input");
		if (recipe != null) rule.check("output", recipe, OutputRule.Kind.RECIPE);
		if (model == null) rule.check("output", trained, OutputRule.Kind.MODEL);
		for (final Path movie : movies)
			rule.check("output", movie, OutputRule.Kind.MOVIE);
		if (heldOut != null) {
			rule.check("output", figure, OutputRule.Kind.FIGURE);
			rule.check("output", csv, OutputRule.Kind.TABLE);
		}
		final TrainJob job = model == null ? new TrainJob(training, trained) : null;
		if (job != null) draw.validationCount();

		final List<SourceMovie> sources = new ArrayList<>();
		Folders.Made made = null;
		try (OpenModel given = model == null ? null : ModelFiles.open(model, training.device())) {
			for (final Acquisition a : lr)
				check(a, given);
			NoiseCalibration calibration = null;
			if (job != null) {
				sources.addAll(SourceMovies.open(trainOn, draw.channel(), draw.zAsTime(), opener));
				// the twin draw refuses what it cannot use (tiles larger than a movie, ...) before any work
				TrainJob.movies(sources, draw, training.seed()).close();
				made = Folders.create(output);
				calibration = calibrate(lr.get(0), trainOn, recipe, rule, log);
				steps.calibrated(lr.get(0).name, calibration, recipe);
				train(job, sources, recipe, heldOut, log, steps);
			}
			else made = Folders.create(output);
			try (OpenModel opened = given != null ? null : ModelFiles.open(trained, training.device())) {
				final OpenModel use = given != null ? given : opened;
				for (int i = 0; i < lr.size(); i++) {
					stopIfCancelled();
					superResolve(use, lr.get(i), movies.get(i), rule, log);
					steps.superResolved(movies.get(i));
				}
				final Path used = model != null ? model : trained;
				if (heldOut == null) return new Result(calibration, recipe, used, movies, null, null);
				stopIfCancelled();
				return new Result(calibration, recipe, used, movies, evaluate(use, heldOut, figure, csv,
					rule, log, steps), figure);
			}
		}
		catch (final IllegalArgumentException | IOException e) {
			if (made != null) made.removeIfEmpty();
			throw e;
		}
		finally {
			for (final SourceMovie s : sources)
				if (s.movie() instanceof Closeable) ((Closeable) s.movie()).close();
		}
	}

	/**
	 * Opens a movie to super-resolve, refusing what the model could not take: one it trains, of
	 * {@link TwinDraw#frames} frames at a time, or the one given.
	 */
	private void check(final Acquisition lr, final OpenModel given) throws IOException {
		final Movie movie = lr.movie(opener, draw.channel());
		try {
			if (given != null) given.resolver(0).check(movie);
			else new SlidingWindow(draw.frames(), movie.frames());
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException(lr.name + ": " + e.getMessage(), e);
		}
		finally {
			lr.release(movie);
		}
	}

	/** {@code NAME_pssr.tif} for every LR movie, refused when two would have the same name. */
	private static List<Path> outputs(final List<Acquisition> lr, final Path output) {
		final List<Path> movies = new ArrayList<>();
		final Set<Path> seen = new HashSet<>();
		for (final Acquisition a : lr) {
			final Path movie = output.resolve(a.base() + SuperresJob.SUFFIX);
			if (!seen.add(movie)) throw new IllegalArgumentException("two low-resolution movies are " +
				"named " + a.base() + ": their super-resolved movies would both be " + movie);
			movies.add(movie);
		}
		return movies;
	}

	private NoiseCalibration calibrate(final Acquisition first, final List<Path> hr,
		final Path recipe, final OutputRule rule, final Logger log) throws IOException
	{
		log.log("calibrating the noise of " + first.name + (hr.isEmpty() ? "" : " and its blur " +
			"against " + hr.size() + " high-resolution movie(s)") + " into " + recipe);
		final Movie movie = first.movie(opener, draw.channel());
		try {
			return new CalibrateJob().withBlurAgainst(hr, draw.scale(), draw.channel(), opener).blurOptional()
				.run(movie, null, first.file, recipe, rule, log);
		}
		finally {
			first.release(movie);
		}
	}

	private void train(final TrainJob job, final List<SourceMovie> sources, final Path recipe,
		final Path heldOut, final Logger log, final TrainingListener listener) throws IOException
	{
		stopIfCancelled();
		final TwinDraw calibrated = draw.toBuilder().recipe(recipe.toString()).build();
		log.log("training a model on " + sources.size() + " high-resolution movie(s) with that " +
			"recipe" + (heldOut == null ? "; with one high-resolution movie none is left to evaluate " +
				"the model on (give two or more: the last is kept aside for it)" : "; " + heldOut
					.getFileName() + " is kept aside to evaluate it on"));
		train = job;
		if (finish) job.finishNow();
		if (cancel) job.cancel();
		try (TwinDatasetOpener.Split split = TrainJob.movies(sources, calibrated, training.seed())) {
			log.log(job.run(split, log, listener));
		}
	}

	private void superResolve(final OpenModel model, final Acquisition lr, final Path out,
		final OutputRule rule, final Logger log) throws IOException
	{
		log.log("super-resolving " + lr.name + " into " + out);
		final Movie movie = lr.movie(opener, draw.channel());
		try {
			new SuperresJob(model, SuperresSettings.DEFAULTS).toFile(movie, lr.file, out, rule, log);
		}
		finally {
			lr.release(movie);
		}
	}

	private Evaluation evaluate(final OpenModel model, final Path truth, final Path figure,
		final Path csv, final OutputRule rule, final Logger log, final Steps steps) throws IOException
	{
		log.log("evaluating the model on " + truth.getFileName() + ", degraded with the " +
			"calibrated recipe, against the best classical answer");
		final Movie movie = opener.open(truth, draw.channel());
		try {
			final EvaluateJob job = new EvaluateJob(model, 0, training.seed()).withFigure(0, figure)
				.replacing(rule);
			final Evaluation evaluation = job.run(movie, truth, csv, log);
			figures.write(job.figure(), figure);
			log.log("evaluation on " + truth.getFileName() + " (figure: " + figure + "):\n" + evaluation
				.summary());
			steps.evaluated(evaluation, job.figure(), figure);
			return evaluation;
		}
		finally {
			if (movie instanceof Closeable) ((Closeable) movie).close();
		}
	}

	private void stopIfCancelled() {
		if (cancel) throw new CancellationException("cancelled");
	}

	/** Finish the training after the current step, keeping the best model so far, and go on. */
	public void finishNow() {
		finish = true;
		final TrainJob t = train;
		if (t != null) t.finishNow();
	}

	/** Stop after the current step (of training) or movie, writing nothing more. */
	public void cancel() {
		cancel = true;
		final TrainJob t = train;
		if (t != null) t.cancel();
	}
}
