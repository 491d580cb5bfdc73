package org.pssr.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.pssr.app.CrappifyJob;
import org.pssr.app.EvaluateJob;
import org.pssr.app.ModelFiles;
import org.pssr.app.OpenModel;
import org.pssr.app.OutputRule;
import org.pssr.app.SourceMovies;
import org.pssr.app.SuperresJob;
import org.pssr.app.SuperresSettings;
import org.pssr.app.TrainJob;
import org.pssr.app.TwinDraw;
import org.pssr.crappify.Logger;
import org.pssr.crappify.Movie;
import org.pssr.crappify.Provenance;
import org.pssr.crappify.PssrDegradation;
import org.pssr.crappify.io.ImageJTiffWriter;
import org.pssr.crappify.io.PixelFormat;
import org.pssr.crappify.synth.SyntheticFluorescenceMovie;
import org.pssr.imagej.EvaluationFigures;
import org.pssr.train.ModelBundle;
import org.pssr.train.TrainingListener;
import org.pssr.train.TrainingOptions;
import org.pssr.train.TwinDatasetOpener;
import org.pssr.train.eval.Evaluation;
import org.pssr.train.eval.Evaluator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
	description = { "The whole pipeline on synthetic data, on the CPU, in a few minutes: a synthetic " +
		"HR movie, twin training data, a 'small' model trained with the stability loss, an " +
		"evaluation on a held-out synthetic movie (another scene) against the best classical answer " +
		"and bicubic with its figure, and the held-out movie's LR version super-resolved. Every file " +
		"goes to the output folder." })
public final class DemoCommand implements Callable<Integer> {

	@Option(names = "--output", defaultValue = "pssr-demo", paramLabel = "DIR",
		description = "Folder for every file the demo makes (default: ${DEFAULT-VALUE}).")
	Path output;

	@Option(names = "--epochs", defaultValue = "5", description = "Training epochs (default: ${DEFAULT-VALUE}).")
	int epochs;

	@Option(names = "--samples", defaultValue = "720",
		description = "Twin samples drawn for training and validation (default: ${DEFAULT-VALUE}).")
	int samples;

	@Option(names = "--scale", defaultValue = "4", description = "Scale factor (default: ${DEFAULT-VALUE}).")
	int scale;

	@Option(names = "--device", defaultValue = "cpu", paramLabel = "auto|cpu|gpu",
		description = "Where the model trains and runs (default: ${DEFAULT-VALUE}).")
	String device;

	@Mixin
	OverwriteOption overwrite;

	@Override
	public Integer call() throws IOException {
		final long start = System.nanoTime();
		final Path hr = output.resolve("synthetic_hr.tif");
		final Path heldOut = output.resolve("heldout_hr.tif");
		final Path twins = output.resolve("twins");
		final Path model = output.resolve("model" + ModelBundle.SUFFIX);
		final Path csv = output.resolve("evaluation.csv");
		final OutputRule rule = overwrite.rule();
		rule.check("--output", hr, OutputRule.Kind.MOVIE);
		rule.check("--output", heldOut, OutputRule.Kind.MOVIE);
		rule.check("--output", model, OutputRule.Kind.MODEL);
		rule.check("--output", csv, OutputRule.Kind.TABLE);
		final Path figure = output.resolve("evaluation.png");
		final Path lr = output.resolve("heldout_lr.tif");
		final Path superResolved = output.resolve("heldout" + SuperresJob.SUFFIX);
		rule.check("--output", figure, OutputRule.Kind.FIGURE);
		rule.check("--output", lr, OutputRule.Kind.MOVIE);
		rule.check("--output", superResolved, OutputRule.Kind.MOVIE);
		// the synthetic scene's figures in the README and docs/inference.md were measured with PSSR's
		// recipe and weight 1; pssr train's defaults came later, from real movies (docs/quality-recipes.md)
		final CrappifyJob crappify = new CrappifyJob(TwinDraw.builder().scale(scale).tile(64).samples(
			samples).recipe(PssrDegradation.NAME).build(), 1, 0);
		final TrainJob train = new TrainJob(TrainingOptions.builder().preset("small").epochs(epochs)
			.batch(4).stability(1).device(device).progressEvery(25).build(), model);
		crappify.check(twins, List.of(), rule);
		final Logger log = new ConsoleLogger(System.out, "  ");

		Files.createDirectories(output);
		step(start, "1/5 synthetic HR movies: " + hr + " (training), " + heldOut + " (held out)");
		final Movie training = write(new SyntheticFluorescenceMovie(256, 256, 24, 1), hr);
		final Movie truth = write(new SyntheticFluorescenceMovie(128, 128, 8, 2), heldOut);

		step(start, "2/5 twin training data: " + twins);
		crappify.write(crappify.crappifier(List.of(SourceMovies.of("synthetic", hr, training, false))),
			twins, Logger.NONE);

		step(start, "3/5 training the 'small' model for " + epochs + " epochs on " + device);
		try (TwinDatasetOpener.Split split = TrainJob.dataset(twins)) {
			log.log(train.run(split, log, TrainingListener.NONE));
		}

		step(start, "4/5 evaluating on the held-out movie; its figure: " + figure);
		final Evaluation evaluation;
		try (OpenModel opened = ModelFiles.open(model, device)) {
			final EvaluateJob evaluate = new EvaluateJob(opened, 0, 1).withFigure(0, figure).replacing(
				rule);
			evaluation = evaluate.run(truth, heldOut, csv, Logger.NONE);
			EvaluationFigures.save(evaluate.figure(), figure);

			step(start, "5/5 super-resolving the held-out movie's LR version: " + lr + " -> " +
				superResolved);
			final Movie degraded = Evaluator.LrPair.degraded(truth, opened.normaliser(truth), opened
				.degradation(), 1).first();
			ImageJTiffWriter.save(degraded, lr, PixelFormat.FLOAT32, Provenance.of("demo").with("input",
				Provenance.describe(heldOut)).with("recipe", opened.recipe()).with("seed", 1).text());
			new SuperresJob(opened, SuperresSettings.DEFAULTS).toFile(degraded, lr, superResolved, rule, Logger.NONE);
		}
		System.out.println();
		System.out.print(evaluation.summary());
		System.out.println("Super-resolved movie: " + superResolved.toAbsolutePath());
		System.out.println("Evaluation figure: " + figure.toAbsolutePath());
		step(start, "done; files in " + output.toAbsolutePath());
		return ExitCodes.OK;
	}

	private static Movie write(final SyntheticFluorescenceMovie movie, final Path file)
		throws IOException
	{
		ImageJTiffWriter.save(movie, file, PixelFormat.UINT16, movie.provenance().text());
		return movie;
	}

	private static void step(final long start, final String what) {
		System.out.printf(Locale.ROOT, "[%5.0f s] %s%n", (System.nanoTime() - start) / 1e9, what);
	}
}
