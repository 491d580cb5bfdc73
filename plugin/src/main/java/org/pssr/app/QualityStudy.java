package org.pssr.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

import org.pssr.crappify.Degradations;
import org.pssr.crappify.Logger;
import org.pssr.crappify.Movie;
import org.pssr.crappify.NoiseCalibration;
import org.pssr.crappify.RecipeFile;
import org.pssr.crappify.SourceMovie;
import org.pssr.crappify.acquisition.Acquisition;
import org.pssr.crappify.acquisition.SimulatedAcquisition;
import org.pssr.crappify.io.Checksums;
import org.pssr.train.ModelBundle;
import org.pssr.train.TrainingListener;
import org.pssr.train.TrainingOptions;
import org.pssr.train.TwinDatasetOpener;
import org.pssr.train.eval.Evaluation;
import org.pssr.train.eval.Evaluator;
import org.pssr.train.eval.Method;

/**
 * Which training choice buys the most image quality on real movies: for every choice and every
 * movie, a model trained on the other movies (twins drawn on the fly) and evaluated on the one
 * held out, against bicubic upsampling of the same degraded movie ({@code pssr study}). A choice
 * is one setting changed from the study's base settings, which are {@code pssr train}'s defaults
 * unless the caller changes them.
 */
public final class QualityStudy {

	/** The settings a choice or the base may change, with {@code pssr train}'s defaults. */
	public static final Map<String, String> DEFAULTS = defaults();

	/** {@link Fold#degradation} of a fold evaluated with its model's own recipe. */
	public static final String OWN = "own";

	/** The choice that changes nothing: the base settings themselves. */
	public static final String BASE = "base";

	private final List<Path> movies;
	private final Map<String, String> base;
	private final List<String> choices;
	private final Path work;
	private final MovieOpener opener;
	private List<String> evaluationRecipes = List.of();
	private List<Acquisition> acquisitions = List.of();

	/**
	 * @param movies the time-lapse movies; each is held out once
	 * @param base settings that differ from {@link #DEFAULTS} for every run
	 * @param choices {@code name=value} settings, each compared with the others on every fold; none:
	 *          the base settings alone ({@link #BASE})
	 * @param work where the models go; a model already there is used again, not retrained, when it
	 *          was trained with the same settings (its file name says which)
	 */
	public QualityStudy(final List<Path> movies, final Map<String, String> base,
		final List<String> choices, final Path work, final MovieOpener opener)
	{
		if (movies.size() < 2) throw new IllegalArgumentException("a leave-one-movie-out study needs " +
			"at least two movies, not " + movies.size());
		base.forEach((key, value) -> requireSetting("--set", key, value));
		for (final String choice : choices) {
			final String[] kv = parse(choice);
			requireSetting("--vary", kv[0], kv[1]);
		}
		this.movies = List.copyOf(movies);
		this.base = Collections.unmodifiableMap(new LinkedHashMap<>(base));
		this.choices = choices.isEmpty() ? List.of(BASE) : List.copyOf(choices);
		this.work = work;
		this.opener = opener;
		for (final String choice : this.choices)
			settings(choice);
	}

	/**
	 * Evaluates every model on LR movies degraded with each of {@code names} (a recipe's name or a
	 * recipe file) instead of with each model's own recipe, so that choices of recipe are compared on
	 * the same data, and a model is seen on cleaner and noisier data than it was trained for.
	 */
	public QualityStudy evaluatedWith(final List<String> names) {
		if (names.isEmpty()) throw new IllegalArgumentException("no recipe to evaluate with");
		for (final String name : names)
			for (final String choice : choices)
				Degradations.create(name, Integer.parseInt(settings(choice).get("scale")), Map.of());
		evaluationRecipes = List.copyOf(names);
		return this;
	}

	/**
	 * Runs the whole flow of a user on simulated acquisitions ({@link SimulatedAcquisition}) instead
	 * of recipe-degraded movies: for every acquisition, every choice and every held-out movie, the
	 * movie is recorded twice (two noise draws) as that microscope would, the first recording is
	 * calibrated (noise, and blur against the training movies) as {@code pssr calibrate} does, a model
	 * is trained on the other movies with that recipe, and it super-resolves both recordings, scored
	 * against the held-out movie with the classical answers made from the same recordings. A movie
	 * whose recording cannot be calibrated is trained with the default recipe, and the page says so.
	 */
	public QualityStudy acquiredWith(final List<Acquisition> settings) {
		if (settings.isEmpty()) throw new IllegalArgumentException("no acquisition to simulate");
		if (!evaluationRecipes.isEmpty()) throw new IllegalArgumentException("a study evaluates on " +
			"recipes or on simulated acquisitions, not both");
		for (final Acquisition a : settings)
			for (final String choice : choices)
				if (a.scale() != Integer.parseInt(settings(choice).get("scale"))) throw new IllegalArgumentException(
					"the acquisition " + a + " is x" + a.scale() + " but the models are x" + settings(choice)
						.get("scale"));
		acquisitions = List.copyOf(settings);
		return this;
	}

	/** How a held-out movie's simulated recording was calibrated, against the truth of the simulation. */
	public static final class CalibrationCheck {

		public final Acquisition truth;
		/** Null when the recording could not be calibrated ({@link #refusal} says why). */
		public final NoiseCalibration measured;
		/** The recipe made of the calibration; null when it could not be made. */
		public final RecipeFile recipe;
		/** The blur measured into {@link #recipe}, in HR pixels; NaN without a recipe. */
		public final double blur;
		public final String refusal;

		CalibrationCheck(final Acquisition truth, final NoiseCalibration measured,
			final RecipeFile recipe, final String refusal)
		{
			this.truth = truth;
			this.measured = measured;
			this.recipe = recipe;
			this.blur = recipe == null ? Double.NaN : recipe.parameters.getOrDefault("blur", Double.NaN);
			this.refusal = refusal;
		}

		/** Measured over true gain, minus 1. */
		public double gainError() {
			return measured.gain / truth.get(Acquisition.GAIN) - 1;
		}

		/**
		 * The largest relative error of the measured variance at a tenth, half and nine tenths of the
		 * normalised intensity range.
		 */
		public double varianceError() {
			double worst = 0;
			for (final double level : new double[] { 0.1, 0.5, 0.9 }) {
				final double counts = truth.counts(level);
				worst = Math.max(worst, Math.abs(measured.variance(counts) / truth.variance(counts) - 1));
			}
			return worst;
		}
	}

	/** One model: a choice, trained without one movie and evaluated on it. */
	public static final class Fold {

		public final String choice;
		/** The recipe the held-out movie was degraded with: a name, a recipe file or "own". */
		public final String degradation;
		public final String heldOut;
		public final Evaluation evaluation;
		public final double trainingSeconds;
		/** On a simulated acquisition, how its calibration went; null otherwise. */
		public final CalibrationCheck calibration;

		Fold(final String choice, final String degradation, final String heldOut,
			final Evaluation evaluation, final double trainingSeconds,
			final CalibrationCheck calibration)
		{
			this.choice = choice;
			this.degradation = degradation;
			this.heldOut = heldOut;
			this.evaluation = evaluation;
			this.trainingSeconds = trainingSeconds;
			this.calibration = calibration;
		}

		/** The choice, and the recipe of the LR data unless it was the model's own. */
		public String label() {
			return OWN.equals(degradation) ? choice : choice + " on " + degradation;
		}

		/** What the model gains over the best classical answer on the held-out movie. */
		public Evaluation.Gain overBestClassical() {
			return evaluation.gain(evaluation.bestClassical());
		}

		/** What the model gains over bicubic. */
		public Evaluation.Gain overBicubic() {
			return evaluation.gain(Method.BICUBIC);
		}
	}

	/** Trains and evaluates every choice on every fold, choice by choice. */
	public List<Fold> run(final Logger log) throws IOException {
		Files.createDirectories(work);
		if (!acquisitions.isEmpty()) return runAcquired(log);
		final List<Fold> folds = new ArrayList<>();
		for (final String choice : choices) {
			final Map<String, String> settings = settings(choice);
			final TwinDraw draw = draw(settings);
			for (final Path heldOut : movies) {
				final String name = heldOut.getFileName().toString();
				final Path model = modelFile(choice, heldOut);
				log.log("study: " + choice + ", held out " + name);
				if (Files.exists(model)) log.log("study: using " + model + " again (delete it to retrain)");
				else train(settings, draw, heldOut, model, log);
				// read from the bundle, so that a model used again keeps the figure of its run
				final double seconds = ModelBundle.trainingSeconds(model);
				try (OpenModel opened = ModelFiles.open(model, settings.get("device"))) {
					final Movie truth = opener.open(heldOut, draw.channel());
					if (evaluationRecipes.isEmpty()) folds.add(new Fold(choice, OWN, name, new EvaluateJob(
						opened, 0, 1).run(truth, heldOut, null, log), seconds, null));
					for (final String recipe : evaluationRecipes)
						folds.add(new Fold(choice, recipe, name, new EvaluateJob(opened, 0, 1).withRecipe(recipe)
							.run(truth, heldOut, null, log), seconds, null));
				}
			}
		}
		return folds;
	}

	private List<Fold> runAcquired(final Logger log) throws IOException {
		final List<Fold> folds = new ArrayList<>();
		for (final Acquisition acquisition : acquisitions)
			for (final String choice : choices) {
				final TwinDraw base = draw(settings(choice));
				for (final Path heldOut : movies) {
					final String name = heldOut.getFileName().toString();
					log.log("study: " + choice + ", " + label(acquisition) + ", held out " + name);
					final Movie truth = opener.open(heldOut, base.channel());
					final SimulatedAcquisition first = new SimulatedAcquisition(truth, acquisition, 1, name);
					final SimulatedAcquisition second = new SimulatedAcquisition(truth, acquisition, 2, name);
					final Path recipeFile = work.resolve("recipes").resolve(stem(name) + "-" + digest(
						acquisition.toString() + base.channel()) + ".recipe.json");
					final CalibrationCheck check = calibrate(first, acquisition, heldOut, recipeFile, base
						.channel(), log);
					final Map<String, String> settings = new LinkedHashMap<>(settings(choice));
					if (check.measured != null) settings.put("recipe", recipeFile.toString());
					// the recipe by what it says, not its bytes: its record has the time it was measured
					final Path model = modelFile(choice, heldOut, settings.toString() + (check.measured == null
						? "" : check.recipe.name + check.recipe.parameters));
					if (Files.exists(model)) log.log("study: using " + model + " again (delete it to retrain)");
					else train(settings, draw(settings), heldOut, model, log);
					try (OpenModel opened = ModelFiles.open(model, settings.get("device"))) {
						final Evaluation e = new Evaluator(opened.model(), opened.resolver(0)).evaluate(truth,
							first.hrUnits(), new Evaluator.LrPair(first, second, first.toUnits(), opened.normaliser(
								first)), null, log);
						folds.add(new Fold(choice, label(acquisition), name, e, ModelBundle.trainingSeconds(
							model), check));
					}
				}
			}
		return folds;
	}

	/**
	 * Calibrates a recording as {@code pssr calibrate} does, measuring the blur against the movies
	 * the model trains on, into {@code recipeFile}.
	 */
	private CalibrationCheck calibrate(final SimulatedAcquisition recording,
		final Acquisition acquisition, final Path heldOut, final Path recipeFile, final int channel,
		final Logger log) throws IOException
	{
		final List<Path> others = new ArrayList<>(movies);
		others.remove(heldOut);
		Files.createDirectories(recipeFile.getParent());
		try {
			final CalibrateJob job = new CalibrateJob().withBlurAgainst(others, acquisition.scale(),
				channel, opener);
			// the study's own recipe files, made again for every run
			final NoiseCalibration c = job.run(recording, null, null, recipeFile, new OutputRule(true, "",
				file -> java.util.Optional.empty()), log);
			return new CalibrationCheck(acquisition, c, RecipeFile.read(recipeFile), null);
		}
		catch (final IllegalArgumentException e) {
			log.log("study: the recording of " + heldOut.getFileName() + " cannot be calibrated (" + e
				.getMessage() + "); training with the default recipe");
			return new CalibrationCheck(acquisition, null, null, e.getMessage());
		}
	}

	/** The acquisition's settings that differ from the defaults, as the page names it. */
	static String label(final Acquisition a) {
		final List<String> differ = new ArrayList<>();
		final Acquisition defaults = Acquisition.defaults();
		a.values().forEach((k, v) -> {
			if (!v.equals(defaults.values().get(k))) differ.add(k + "=" + format(v));
		});
		return differ.isEmpty() ? "acquisition defaults" : "acquisition " + String.join(" ", differ);
	}

	private static String digest(final String text) {
		return Checksums.sha256(text.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
	}

	private void train(final Map<String, String> settings, final TwinDraw draw, final Path heldOut,
		final Path model, final Logger log) throws IOException
	{
		final List<Path> others = new ArrayList<>(movies);
		others.remove(heldOut);
		final List<SourceMovie> sources = SourceMovies.open(others, draw.channel(), draw.zAsTime(), opener);
		final TrainingOptions options = options(settings);
		final TrainJob job = new TrainJob(options, model);
		try (TwinDatasetOpener.Split split = TrainJob.movies(sources, draw, options.seed())) {
			log.log("study: " + job.run(split, log, TrainingListener.NONE));
		}
	}

	/** The base settings with {@code choice} applied. */
	Map<String, String> settings(final String choice) {
		final Map<String, String> s = new LinkedHashMap<>(DEFAULTS);
		s.putAll(base);
		if (!choice.equals(BASE)) {
			final String[] kv = parse(choice);
			s.put(kv[0], kv[1]);
		}
		draw(s).validationCount();
		options(s);
		return s;
	}

	private static TwinDraw draw(final Map<String, String> s) {
		final TwinDraw.Builder b = TwinDraw.builder();
		s.forEach((k, v) -> {
			if (TwinDraw.NAMES.contains(k)) b.set(k, v);
		});
		return b.build();
	}

	private static TrainingOptions options(final Map<String, String> s) {
		final TrainingOptions.Builder b = TrainingOptions.builder();
		s.forEach((k, v) -> {
			if (TrainingOptions.NAMES.contains(k)) b.set(k, v);
		});
		return b.progressEvery(1000).build();
	}

	/**
	 * Every setting of the twin draw and of training, at its default; not how often training
	 * reports, which changes no model, nor Z as time, as the held-out movies are read as movies.
	 */
	private static Map<String, String> defaults() {
		final Map<String, String> m = new LinkedHashMap<>(TrainingOptions.DEFAULTS.values());
		m.remove("progress-every");
		m.putAll(TwinDraw.DEFAULTS.values());
		m.remove("z-as-time");
		return Collections.unmodifiableMap(m);
	}

	/**
	 * Refuses, naming the option, a setting the study does not have or a value the setting does not
	 * take.
	 */
	private static void requireSetting(final String option, final String key, final String value) {
		if (!DEFAULTS.containsKey(key)) throw new IllegalArgumentException("the study cannot vary '" +
			key + "'; it can vary " + String.join(", ", new TreeSet<>(DEFAULTS.keySet())));
		try {
			if (TwinDraw.NAMES.contains(key)) TwinDraw.builder().set(key, value);
			else TrainingOptions.builder().set(key, value);
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException(option + " " + key + "=" + value + ": " + e.getMessage(), e);
		}
	}

	/** {@code name=value} as its two halves. */
	static String[] parse(final String setting) {
		final int eq = setting.indexOf('=');
		if (eq <= 0 || eq == setting.length() - 1) throw new IllegalArgumentException("a setting is " +
			"NAME=VALUE, e.g. stability=0, not '" + setting + "'");
		return new String[] { setting.substring(0, eq).trim(), setting.substring(eq + 1).trim() };
	}

	/**
	 * The model of {@code choice} without {@code heldOut}: named by the choice for people, and by a
	 * digest of all its settings so that a model trained with other base settings (or other
	 * defaults) is never taken for it.
	 */
	Path modelFile(final String choice, final Path heldOut) {
		return modelFile(choice, heldOut, settings(choice).toString());
	}

	/** @param everything what the model is trained with, as text: its digest names the file */
	private Path modelFile(final String choice, final Path heldOut, final String everything) {
		return work.resolve(choice.replaceAll("[^A-Za-z0-9.=-]", "_").replace('=', '-') + "-without-" +
			stem(heldOut.getFileName().toString()) + "-" + digest(everything) + ModelBundle.SUFFIX);
	}

	private static String stem(final String name) {
		final int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}

	private static String format(final double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
	}

	/**
	 * The study as Markdown: what was run, the average of every choice over the held-out movies,
	 * and every fold.
	 *
	 * @param command the command line that made it, quoted in the page
	 * @param plot the page's link to the plot of the folds; null for none
	 */
	public String markdown(final List<Fold> folds, final String command, final String plot) {
		final StringBuilder md = new StringBuilder();
		md.append("# Image quality study\n\n");
		md.append("Made by `").append(command).append("`.\n\n");
		md.append("Leave-one-movie-out over ").append(movies.size()).append(" movies (");
		for (int i = 0; i < movies.size(); i++)
			md.append(i == 0 ? "" : ", ").append('`').append(movies.get(i).getFileName()).append('`');
		if (acquisitions.isEmpty()) md.append("): for every movie, a model trained on the others (twins ")
			.append("drawn on the fly) and evaluated on it as `pssr evaluate` does (degraded with ").append(
				evaluationRecipes.isEmpty() ? "the model's own recipe" : "each of the recipes " + String
					.join(", ", evaluationRecipes) + " for every model, the column *LR made with*").append(
						", noise seed 1). ");
		else md.append("): the whole flow of a user on a microscope that `pssr simulate` stands for. ")
			.append("Every held-out movie is recorded twice (noise seeds 1 and 2) as a camera on a ")
			.append("lower-resolution microscope would record it (the column *LR made with*: the ")
			.append("settings that differ from `pssr simulate`'s defaults, ").append(Acquisition.defaults())
			.append("); the first recording is calibrated as `pssr calibrate --hr` does (its noise, and its ")
			.append("blur against the other movies); a model is trained on the other movies with that ")
			.append("recipe (twins drawn on the fly) and super-resolves both recordings, scored against ")
			.append("the held-out movie (PSSR normalisation and affine fit, as CARE scores) beside the ")
			.append("classical answers made from the same recordings. ");
		md.append("Base settings, `pssr train`'s defaults but for those given: ");
		final Map<String, String> shown = new LinkedHashMap<>(DEFAULTS);
		shown.putAll(base);
		final List<String> pairs = new ArrayList<>();
		shown.forEach((k, v) -> pairs.add(k + "=" + v));
		md.append('`').append(String.join(" ", pairs)).append("`.\n\n");
		md.append("Gains are the model's over **the best classical answer** first: bicubic, then a ")
			.append("Gaussian blur with the sigma that scores best on that held-out movie (an oracle: no ")
			.append("such smoothing can do better), or the same after a mean of three frames, whichever ")
			.append("scores higher; then over bicubic. PSNR in dB and SSIM: higher is better; temporal ")
			.append("error (flicker) and noise difference (dependence on the noise draw) are the model's ")
			.append("as a fraction of the other answer's (lower is better). Training minutes are the wall ")
			.append("time each model's bundle recorded, on the machine that trained it.\n\n");
		md.append("## Averages over the held-out movies\n\n");
		md.append("| choice | LR made with | PSNR gain over best classical (dB) | SSIM gain over best ")
			.append("classical | temporal error (x best classical) | noise difference (x best classical) | ")
			.append("PSNR gain over bicubic (dB) | SSIM gain over bicubic | training (min) |\n")
			.append("|---|---|---|---|---|---|---|---|---|\n");
		for (final String degradation : degradations(folds))
			for (final String choice : choices) {
				final List<Fold> of = new ArrayList<>();
				for (final Fold f : folds)
					if (f.choice.equals(choice) && f.degradation.equals(degradation)) of.add(f);
				md.append(String.format(Locale.ROOT,
					"| %s | %s | %+.2f | %+.3f | %.2f | %.2f | %+.2f | %+.3f | %.1f |\n", choice, degradation,
					mean(of, f -> f.overBestClassical().psnr), mean(of, f -> f.overBestClassical().ssim), mean(
						of, f -> f.overBestClassical().temporal), mean(of, f -> f.overBestClassical().noise), mean(
							of, f -> f.overBicubic().psnr), mean(of, f -> f.overBicubic().ssim), mean(of,
								f -> f.trainingSeconds) / 60));
			}
		if (plot != null) md.append("\n![PSNR gain over the best classical answer on every held-out ")
			.append("movie](").append(plot).append(")\n");
		md.append("\n## Every held-out movie\n\n");
		md.append("| choice | LR made with | held out | model PSNR | best classical | its PSNR | bicubic ")
			.append("PSNR | gain over best classical (dB) | SSIM gain over best | temporal (x best) | noise ")
			.append("(x best) | gain over bicubic (dB) | SSIM gain over bicubic |\n")
			.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (final Fold f : folds) {
			final Evaluation e = f.evaluation;
			final Method best = e.bestClassical();
			final Evaluation.Gain g = f.overBestClassical();
			md.append(String.format(Locale.ROOT,
				"| %s | %s | %s | %.2f | %s, blur %.1f px | %.2f | %.2f | %+.2f | %+.3f | %.2f | %.2f | %+.2f | %+.3f |\n",
				f.choice, f.degradation, f.heldOut, e.meanPsnr(Method.MODEL), best.label(), e.sigma(best), e
					.meanPsnr(best), e.meanPsnr(Method.BICUBIC), g.psnr, g.ssim, g.temporal, g.noise, f
						.overBicubic().psnr, f.overBicubic().ssim));
		}
		if (!acquisitions.isEmpty()) calibrations(folds, md);
		return md.toString();
	}

	/** How every simulated recording was calibrated, against the simulation's truth. */
	private static void calibrations(final List<Fold> folds, final StringBuilder md) {
		md.append("\n## Calibration of the recordings\n\n");
		md.append("What `pssr calibrate` measured on the first recording of each held-out movie, against ")
			.append("the simulated camera: the gain, the worst relative error of the noise variance at a ")
			.append("tenth, half and nine tenths of the intensity range, and the blur (the simulated ")
			.append("optics' sigma, in HR pixels). A recording that could not be calibrated was trained ")
			.append("with the default recipe.\n\n");
		md.append("| LR made with | held out | true gain | measured gain | gain error | worst variance ")
			.append("error | from | true blur (px) | measured blur (px) |\n|---|---|---|---|---|---|---|---|---|\n");
		final Set<String> shown = new java.util.HashSet<>();
		for (final Fold f : folds) {
			final CalibrationCheck c = f.calibration;
			if (c == null || !shown.add(f.degradation + " " + f.heldOut)) continue;
			if (c.measured == null) {
				md.append(String.format(Locale.ROOT, "| %s | %s | %s | refused: %s | | | | %s | |\n",
					f.degradation, f.heldOut, format(c.truth.get(Acquisition.GAIN)), c.refusal.replace('|', '/'),
					format(c.truth.get(Acquisition.PSF))));
				continue;
			}
			md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.3f | %+.1f%% | %.1f%% | %s | %s | %.2f |\n",
				f.degradation, f.heldOut, format(c.truth.get(Acquisition.GAIN)), c.measured.gain, 100 * c
					.gainError(), 100 * c.varianceError(), c.measured.method, format(c.truth.get(
						Acquisition.PSF)), c.blur));
		}
	}

	/** The recipes the folds were evaluated with, in the order they were given. */
	private static List<String> degradations(final List<Fold> folds) {
		final List<String> all = new ArrayList<>();
		for (final Fold f : folds)
			if (!all.contains(f.degradation)) all.add(f.degradation);
		return all;
	}

	private static double mean(final List<Fold> folds,
		final ToDoubleFunction<Fold> value)
	{
		return folds.stream().mapToDouble(value).average().orElse(Double.NaN);
	}
}
