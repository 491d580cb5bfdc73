package org.pssr.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.pssr.app.OutputRule;
import org.pssr.app.QualityStudy;
import org.pssr.app.SourceMovies;
import org.pssr.crappify.Logger;
import org.pssr.crappify.Movie;
import org.pssr.crappify.acquisition.Acquisition;
import org.pssr.crappify.io.Folders;
import org.pssr.crappify.io.Outputs;
import org.pssr.crappify.io.StagedOutput;
import org.pssr.imagej.MovieFiles;
import org.pssr.imagej.StudyPlot;
import org.pssr.train.ComputeResources;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "study", mixinStandardHelpOptions = true,
	description = { "Compare training choices on real movies, leave one movie out: for every " +
		"choice and every movie, train on the other movies and evaluate on the held-out one against " +
		"the best classical answer (bicubic and the best Gaussian blur) and bicubic, on LR data made " +
		"with recipes or recorded by a simulated microscope (--acquisition: the whole flow, " +
		"calibration included), then write a Markdown page (docs/quality.md) with the averages and " +
		"every fold. " +
		"Movies with fewer than " + StudyCommand.MIN_FRAMES + " frames are left out. Hours of CPU " +
		"for real settings: each fold is one 'pssr train'." })
public final class StudyCommand implements Callable<Integer> {

	static final int MIN_FRAMES = 5;

	@Option(names = "--movies", required = true, arity = "1..*", paramLabel = "FILE|DIR",
		description = "Time-lapse movies, or folders of them; each is held out once.")
	List<Path> movies;

	@Option(names = "--vary", paramLabel = "NAME=V1,V2,...", completionCandidates = Settings.class,
		description = "A setting and the values to compare, repeatable (each value is one choice, " +
			"the others at the base settings; none: the base settings alone). Settings: those of " +
			"'pssr train': ${COMPLETION-CANDIDATES} (recipe: a recipe listed below or a recipe file).")
	List<String> vary;

	/** The settings a study varies, from the jobs' settings values. */
	static final class Settings implements Iterable<String> {

		@Override
		public java.util.Iterator<String> iterator() {
			return QualityStudy.DEFAULTS.keySet().iterator();
		}
	}

	@Option(names = "--set", paramLabel = "NAME=VALUE",
		description = "A base setting for every run, repeatable (default: 'pssr train's defaults).")
	List<String> set;

	@Option(names = "--evaluate-recipe", split = ",", paramLabel = "NAME|RECIPE.json",
		completionCandidates = RecipeHelp.Keys.class,
		description = "Degrade the held-out movies with these recipes (${COMPLETION-CANDIDATES} or " +
			"recipe files) for every model, each its own " +
			"rows (default: each model's own recipe); to compare recipes on the same LR data, and to see " +
			"models on cleaner and noisier data than they were trained for.")
	List<String> evaluateRecipes;

	@Option(names = "--acquisition", paramLabel = "NAME=VALUE[,NAME=VALUE...]",
		description = "Instead of degrading the held-out movies with recipes, record them with a " +
			"simulated microscope of these settings (those of 'pssr simulate': scale, psf, photons, " +
			"background, gain, offset, readnoise, bleaching, drift; the others at their defaults), " +
			"calibrate the recording as 'pssr calibrate --hr' does, train with that recipe and score " +
			"against the movie: the whole flow of a user. Repeatable: each is its own rows.")
	List<String> acquisitions;

	@Option(names = "--work", required = true, paramLabel = "DIR",
		description = "Where the models go; a model already there is used again (a study that was " +
			"stopped goes on where it was).")
	Path work;

	@Option(names = "--output", required = true, paramLabel = "OUT.md",
		description = "The Markdown page to write.")
	Path output;

	@Option(names = "--plot", paramLabel = "OUT.png",
		description = "Also draw the PSNR gain on every held-out movie, a line per choice; the page " +
			"shows it when it is beside the page.")
	Path plot;

	@Mixin
	OverwriteOption overwrite;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		Outputs.refuseUnwritable(output);
		if (plot != null) Outputs.refuseUnwritable(plot);
		overwrite.rule().check("--output", output, OutputRule.Kind.PAGE);
		if (plot != null) overwrite.rule().check("--plot", plot, OutputRule.Kind.FIGURE);
		final Logger log = ConsoleLogger.stdout();
		log.log(ComputeResources.current().describe());
		final QualityStudy study = new QualityStudy(timeLapses(SourceMovies.expand(movies), log),
			settings(set), choices(), work, MovieFiles.IMAGEJ);
		if (evaluateRecipes != null) study.evaluatedWith(evaluateRecipes);
		if (acquisitions != null) study.acquiredWith(acquisitions());
		// a work folder made for a study that fails before its first model is removed again
		final Folders.Made made = Folders.create(work);
		final List<QualityStudy.Fold> folds;
		try {
			folds = study.run(log);
		}
		catch (final IOException | RuntimeException e) {
			made.removeIfEmpty();
			throw e;
		}
		// the parse result is the whole command line's, subcommand name included
		final String command = "pssr " + String.join(" ", spec.commandLine().getParseResult()
			.originalArgs());
		if (plot != null) StudyPlot.save(folds, plot);
		final String picture = plot == null ? null : output.toAbsolutePath().getParent().relativize(plot
			.toAbsolutePath()).toString().replace('\\', '/');
		try (StagedOutput staged = StagedOutput.file(output)) {
			Files.write(staged.path(), study.markdown(folds, command, picture).getBytes(
				StandardCharsets.UTF_8));
			staged.commit();
		}
		System.out.println("Wrote " + output + ": " + folds.size() + " models");
		return ExitCodes.OK;
	}

	private List<Acquisition> acquisitions() {
		final List<Acquisition> all = new ArrayList<>();
		for (final String a : acquisitions) {
			final Map<String, Double> settings = new LinkedHashMap<>();
			for (final String kv : a.split(",")) {
				final int eq = kv.indexOf('=');
				if (eq <= 0) throw new UserException("--acquisition takes NAME=VALUE[,NAME=VALUE...], not '" +
					a + "'");
				try {
					settings.put(kv.substring(0, eq).trim(), Double.parseDouble(kv.substring(eq + 1).trim()));
				}
				catch (final NumberFormatException e) {
					throw new UserException("--acquisition: '" + kv.substring(eq + 1).trim() + "' is not a " +
						"number (" + kv.substring(0, eq).trim() + ")");
				}
			}
			try {
				all.add(Acquisition.of(settings));
			}
			catch (final IllegalArgumentException e) {
				throw new UserException("--acquisition: " + e.getMessage(), e);
			}
		}
		return all;
	}

	private List<String> choices() {
		final List<String> choices = new ArrayList<>();
		if (vary == null) return choices;
		for (final String v : vary) {
			final int eq = v.indexOf('=');
			if (eq <= 0) throw new UserException("--vary takes NAME=V1,V2,..., not " + v);
			for (final String value : v.substring(eq + 1).split(","))
				choices.add(v.substring(0, eq).trim() + "=" + value.trim());
		}
		return choices;
	}

	private static Map<String, String> settings(final List<String> set) {
		final Map<String, String> s = new LinkedHashMap<>();
		if (set == null) return s;
		for (final String kv : set) {
			final int eq = kv.indexOf('=');
			if (eq <= 0) throw new UserException("--set takes NAME=VALUE, not " + kv);
			s.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
		}
		return s;
	}

	/** The movies with enough frames to train and evaluate a multi-frame model on. */
	private static List<Path> timeLapses(final List<Path> files, final Logger log) throws IOException {
		final List<Path> kept = new ArrayList<>();
		for (final Path file : files) {
			final Movie movie = MovieFiles.IMAGEJ.open(file, 1);
			final int frames = movie.frames();
			// only its length is needed now; a CZI movie holds its file open
			if (movie instanceof Closeable) ((Closeable) movie).close();
			if (frames >= MIN_FRAMES) kept.add(file);
			else log.log("study: leaving out " + file.getFileName() + " (" + frames + " frame" + (frames ==
				1 ? "" : "s") + ", not a time-lapse)");
		}
		return kept;
	}
}
