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
import org.pssr.crappify.SourceMovie;
import org.pssr.crappify.io.Checksums;
import org.pssr.train.ModelBundle;
import org.pssr.train.TrainingListener;
import org.pssr.train.TrainingOptions;
import org.pssr.train.TwinDatasetOpener;
import org.pssr.train.eval.Evaluation;

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

	/** One model: a choice, trained without one movie and evaluated on it. */
	public static final class Fold {

		public final String choice;
		/** The recipe the held-out movie was degraded with: a name, a recipe file or "own". */
		public final String degradation;
		public final String heldOut;
		public final Evaluation evaluation;
		public final double trainingSeconds;

		Fold(final String choice, final String degradation, final String heldOut,
			final Evaluation evaluation, final double trainingSeconds)
		{
			this.choice = choice;
			this.degradation = degradation;
			this.heldOut = heldOut;
			this.evaluation = evaluation;
			this.trainingSeconds = trainingSeconds;
		}

		/** The choice, and the recipe of the LR data unless it was the model's own. */
		public String label() {
			return OWN.equals(degradation) ? choice : choice + " on " + degradation;
		}

		/** Model minus bicubic PSNR, dB. */
		public double psnrGain() {
			return evaluation.meanPsnr("model") - evaluation.meanPsnr("bicubic");
		}

		public double ssimGain() {
			return evaluation.meanSsim("model") - evaluation.meanSsim("bicubic");
		}

		/** Model's temporal error as a fraction of bicubic's (below 1: less flicker). */
		public double temporalRatio() {
			return evaluation.temporalError("model") / evaluation.temporalError("bicubic");
		}

		/** Model's noise difference as a fraction of bicubic's (below 1: more stable). */
		public double noiseRatio() {
			return evaluation.noiseDifference("model") / evaluation.noiseDifference("bicubic");
		}
	}

	/** Trains and evaluates every choice on every fold, choice by choice. */
	public List<Fold> run(final Logger log) throws IOException {
		Files.createDirectories(work);
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
				final double seconds = trainingSeconds(model);
				try (OpenModel opened = ModelFiles.open(model, settings.get("device"))) {
					final Movie truth = opener.open(heldOut, draw.channel);
					if (evaluationRecipes.isEmpty()) folds.add(new Fold(choice, OWN, name, new EvaluateJob(
						opened, 0, 1).run(truth, heldOut, null, log), seconds));
					for (final String recipe : evaluationRecipes)
						folds.add(new Fold(choice, recipe, name, new EvaluateJob(opened, 0, 1).withRecipe(recipe)
							.run(truth, heldOut, null, log), seconds));
				}
			}
		}
		return folds;
	}

	private void train(final Map<String, String> settings, final TwinDraw draw, final Path heldOut,
		final Path model, final Logger log) throws IOException
	{
		final List<Path> others = new ArrayList<>(movies);
		others.remove(heldOut);
		final List<SourceMovie> sources = SourceMovies.open(others, draw.channel, false, opener);
		final long seed = Long.parseLong(settings.get("seed"));
		final TrainJob job = new TrainJob(options(settings), model);
		try (TwinDatasetOpener.Split split = TrainJob.movies(sources, draw, seed)) {
			log.log("study: " + job.run(split, log, TrainingListener.NONE));
		}
	}

	/**
	 * The training time the bundle recorded, so a model used again keeps the figure of its run; read
	 * without loading the network, which the evaluation loads.
	 */
	private static double trainingSeconds(final Path model) throws IOException {
		return ModelBundle.record(model).getAsJsonObject("training").get("seconds").getAsDouble();
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
		final TwinDraw d = new TwinDraw();
		d.scale = Integer.parseInt(s.get("scale"));
		d.frames = Integer.parseInt(s.get("frames"));
		d.tile = Integer.parseInt(s.get("tile"));
		d.samples = Integer.parseInt(s.get("samples"));
		d.recipe = s.get("recipe");
		d.augment = Boolean.parseBoolean(s.get("augment"));
		return d;
	}

	private static TrainingOptions options(final Map<String, String> s) {
		return new TrainingOptions().preset(s.get("preset")).epochs(Integer.parseInt(s.get("epochs")))
			.batch(Integer.parseInt(s.get("batch"))).learningRate(Double.parseDouble(s.get("lr")))
			.stability(Double.parseDouble(s.get("stability"))).seed(Long.parseLong(s.get("seed")))
			.device(s.get("device")).progressEvery(1000);
	}

	private static Map<String, String> defaults() {
		final TwinDraw d = new TwinDraw();
		final TrainingOptions o = new TrainingOptions();
		final Map<String, String> m = new LinkedHashMap<>();
		m.put("preset", o.preset());
		m.put("epochs", Integer.toString(o.epochs()));
		m.put("batch", Integer.toString(o.batch()));
		m.put("lr", Double.toString(o.learningRate()));
		m.put("stability", format(o.stability()));
		m.put("seed", Long.toString(o.seed()));
		m.put("device", o.device());
		m.put("scale", Integer.toString(d.scale));
		m.put("frames", Integer.toString(d.frames));
		m.put("tile", Integer.toString(d.tile));
		m.put("samples", Integer.toString(d.samples));
		m.put("recipe", d.recipe);
		m.put("augment", Boolean.toString(d.augment));
		return Collections.unmodifiableMap(m);
	}

	/** Settings by the type of their values; the others are names (preset, device, recipe). */
	private static final Set<String> WHOLE = Set.of("epochs", "batch", "scale", "frames", "tile",
		"samples");
	private static final Set<String> REAL = Set.of("lr", "stability");

	/** Refuses, naming the option, a setting the study does not have or a value of the wrong type. */
	private static void requireSetting(final String option, final String key, final String value) {
		if (!DEFAULTS.containsKey(key)) throw new IllegalArgumentException("the study cannot vary '" +
			key + "'; it can vary " + String.join(", ", new TreeSet<>(DEFAULTS.keySet())));
		final String where = option + " " + key + "=" + value + ": '" + value + "' is not ";
		try {
			if (WHOLE.contains(key)) Integer.parseInt(value);
			else if (key.equals("seed")) Long.parseLong(value);
			else if (REAL.contains(key)) Double.parseDouble(value);
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException(where + (REAL.contains(key) ? "a number" : "a whole number"),
				e);
		}
		if (key.equals("augment") && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false"))
			throw new IllegalArgumentException(where + "true or false");
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
		final String digest = Checksums.sha256(settings(choice).toString().getBytes(
			StandardCharsets.UTF_8)).substring(0, 8);
		return work.resolve(choice.replaceAll("[^A-Za-z0-9.=-]", "_").replace('=', '-') + "-without-" +
			stem(heldOut.getFileName().toString()) + "-" + digest + ModelBundle.SUFFIX);
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
		md.append("): for every movie, a model trained on the others (twins drawn on the fly) and ")
			.append("evaluated on it as `pssr evaluate` does (degraded with ").append(
				evaluationRecipes.isEmpty() ? "the model's own recipe" : "each of the recipes " + String
					.join(", ", evaluationRecipes) + " for every model, the column *LR made with*").append(
						", noise seed 1). Base settings, `pssr train`'s defaults but for those given: ");
		final Map<String, String> shown = new LinkedHashMap<>(DEFAULTS);
		shown.putAll(base);
		final List<String> pairs = new ArrayList<>();
		shown.forEach((k, v) -> pairs.add(k + "=" + v));
		md.append('`').append(String.join(" ", pairs)).append("`.\n\n");
		md.append("Gains are model minus bicubic (PSNR in dB, SSIM: higher is better); temporal error ")
			.append("(flicker) and noise difference (dependence on the noise draw) are the model's as a ")
			.append("fraction of bicubic's (lower is better). Training minutes are the wall time each model's ")
			.append("bundle recorded, on the machine that trained it.\n\n");
		md.append("## Averages over the held-out movies\n\n");
		md.append("| choice | LR made with | PSNR gain (dB) | SSIM gain | temporal error (x bicubic) | ")
			.append("noise difference (x bicubic) | training (min) |\n|---|---|---|---|---|---|---|\n");
		for (final String degradation : degradations(folds))
			for (final String choice : choices) {
				final List<Fold> of = new ArrayList<>();
				for (final Fold f : folds)
					if (f.choice.equals(choice) && f.degradation.equals(degradation)) of.add(f);
				md.append(String.format(Locale.ROOT, "| %s | %s | %+.2f | %+.3f | %.2f | %.2f | %.1f |\n",
					choice, degradation, mean(of, Fold::psnrGain), mean(of, Fold::ssimGain), mean(of,
						Fold::temporalRatio), mean(of, Fold::noiseRatio), mean(of, f -> f.trainingSeconds) / 60));
			}
		if (plot != null) md.append("\n![PSNR gain over bicubic on every held-out movie](").append(plot)
			.append(")\n");
		md.append("\n## Every held-out movie\n\n");
		md.append("| choice | LR made with | held out | model PSNR | bicubic PSNR | PSNR gain | SSIM ")
			.append("gain | temporal (x bicubic) | noise (x bicubic) |\n|---|---|---|---|---|---|---|---|---|\n");
		for (final Fold f : folds)
			md.append(String.format(Locale.ROOT,
				"| %s | %s | %s | %.2f | %.2f | %+.2f | %+.3f | %.2f | %.2f |\n",
				f.choice, f.degradation, f.heldOut, f.evaluation.meanPsnr("model"), f.evaluation.meanPsnr("bicubic"), f
					.psnrGain(), f.ssimGain(), f.temporalRatio(), f.noiseRatio()));
		return md.toString();
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
