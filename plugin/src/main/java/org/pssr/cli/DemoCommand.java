package org.pssr.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.pssr.crappify.Degradations;
import org.pssr.crappify.Movie;
import org.pssr.crappify.SourceMovie;
import org.pssr.crappify.TwinCrappifier;
import org.pssr.crappify.TwinDatasetWriter;
import org.pssr.crappify.TwinOptions;
import org.pssr.crappify.io.ImageJTiffWriter;
import org.pssr.crappify.io.PixelFormat;
import org.pssr.crappify.synth.SyntheticFluorescenceMovie;
import org.pssr.fiji.ModelFiles;
import org.pssr.fiji.OpenModel;
import org.pssr.train.EpochReport;
import org.pssr.train.ModelBundle;
import org.pssr.train.StabilityTrainer;
import org.pssr.train.StepProgress;
import org.pssr.train.TrainingListener;
import org.pssr.train.TrainingOptions;
import org.pssr.train.TrainingResult;
import org.pssr.train.TwinDatasetOpener;
import org.pssr.train.eval.Evaluation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
	description = { "The whole pipeline on synthetic data, on the CPU, in a few minutes: a synthetic " +
		"HR movie, twin training data, a 'small' model trained with the stability loss, and an " +
		"evaluation on a held-out synthetic movie (another scene) against bicubic and bilinear " +
		"upsampling. Every file goes to the output folder." })
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

	@Override
	public Integer call() throws IOException {
		final long start = System.nanoTime();
		Files.createDirectories(output);
		final Path hr = output.resolve("synthetic_hr.tif");
		final Path heldOut = output.resolve("heldout_hr.tif");
		final Path twins = output.resolve("twins");
		final Path model = output.resolve("model" + ModelBundle.SUFFIX);
		if (Files.exists(twins)) throw new UserException(twins +
			" exists; give the demo a new --output folder");

		step(start, "1/4 synthetic HR movies: " + hr + " (training), " + heldOut + " (held out)");
		final Movie training = write(new SyntheticFluorescenceMovie(256, 256, 24, 1), hr);
		final Movie truth = write(new SyntheticFluorescenceMovie(128, 128, 8, 2), heldOut);

		step(start, "2/4 twin training data: " + twins);
		final TwinCrappifier crappifier = new TwinCrappifier(List.of(SourceMovie.of("synthetic", hr,
			training)), Degradations.create("pssr", scale, Collections.emptyMap()), new TwinOptions()
				.frames(3).tile(64).seed(1).validation(0.1));
		final int valid = TwinDatasetWriter.validationCount(samples, 0.1);
		new TwinDatasetWriter(crappifier, Runtime.getRuntime().availableProcessors(), (done,
			total) -> {}).write(twins, samples - valid, valid);

		step(start, "3/4 training the 'small' model for " + epochs + " epochs on " + device);
		final TrainingOptions options = new TrainingOptions().preset("small").epochs(epochs).batch(4)
			.learningRate(1e-3).stability(1).seed(42).device(device).progressEvery(25).checkpoints(
				ModelBundle.checkpointFolder(model));
		try (TwinDatasetOpener.Split split = TwinDatasetOpener.FOLDER.open(twins);
			TrainingResult result = new StabilityTrainer(options, split.train(), split.valid(), printer())
				.train())
		{
			ModelBundle.save(model, result.network(), split.normalisation(), split.train().recipe(), split.train().describe(),
				result.record());
		}

		step(start, "4/4 evaluating on the held-out movie");
		final Evaluation evaluation;
		try (OpenModel opened = ModelFiles.open(model, device)) {
			evaluation = EvaluateCommand.evaluate(opened, truth, 0, 1);
		}
		try (Writer csv = Files.newBufferedWriter(output.resolve("evaluation.csv"),
			StandardCharsets.UTF_8))
		{
			evaluation.writeCsv(csv);
		}
		System.out.println();
		System.out.print(evaluation.summary());
		step(start, "done; files in " + output.toAbsolutePath());
		return ExitCodes.OK;
	}

	private static Movie write(final Movie movie, final Path file) throws IOException {
		ImageJTiffWriter.save(movie, file, PixelFormat.UINT16);
		return movie;
	}

	private static void step(final long start, final String what) {
		System.out.printf(Locale.ROOT, "[%5.0f s] %s%n", (System.nanoTime() - start) / 1e9, what);
	}

	private static TrainingListener printer() {
		return new TrainingListener() {

			@Override
			public void step(final StepProgress p) {
				System.out.println("  " + p);
			}

			@Override
			public void epoch(final EpochReport r) {
				System.out.println("  " + r);
			}

			@Override
			public void message(final String text) {
				System.out.println("  " + text);
			}
		};
	}

}
