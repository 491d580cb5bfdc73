package org.pssr.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pssr.fiji.ModelFiles;
import org.pssr.fiji.MovieFiles;
import org.pssr.fiji.OpenModel;
import org.pssr.train.eval.Evaluation;
import org.pssr.train.eval.Evaluator;
import org.pssr.train.infer.MovieSuperResolver;
import org.pssr.train.infer.TileSizes;
import org.pssr.train.infer.TiledPredictor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
	description = { "Measure a model on a high-resolution ground-truth movie: degrade it with the " +
		"model's own recipe (twice, independent noise), super-resolve, and compare with bicubic and " +
		"bilinear upsampling. PSNR and SSIM per frame after the PSSR normalisation, temporal error " +
		"(flicker) and noise difference (stability) per method. See docs/inference.md." })
public final class EvaluateCommand implements Callable<Integer> {

	@Option(names = "--model", required = true, paramLabel = "MODEL",
		description = "Trained model bundle (*.pssr.zip), TensorFlow SavedModel folder or " +
			"bioimage.io package.")
	Path model;

	@Option(names = "--truth", required = true, paramLabel = "HR_MOVIE",
		description = "Ground-truth high-resolution movie (TIFF, CZI).")
	Path truth;

	@Option(names = "--csv", paramLabel = "OUT.csv", description = "Also write the per-frame scores.")
	Path csv;

	@Option(names = "--tile", defaultValue = "0", paramLabel = "N",
		description = "LR tile side in pixels; 0 picks it from the device memory (default).")
	int tile;

	@Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu",
		description = "Where the model runs (default: ${DEFAULT-VALUE}).")
	String device;

	@Option(names = "--channel", defaultValue = "1", paramLabel = "C",
		description = "Channel of a multi-channel movie, 1-based (default: ${DEFAULT-VALUE}).")
	int channel;

	@Option(names = "--seed", defaultValue = "1",
		description = "Seed of the noise draws (default: ${DEFAULT-VALUE}).")
	long seed;

	@Override
	public Integer call() throws IOException {
		if (tile < 0) throw new UserException("--tile must be 0 (automatic) or a tile side in pixels");
		if (csv != null && csv.toAbsolutePath().getParent() != null && !Files.isDirectory(csv
			.toAbsolutePath().getParent())) throw new UserException("the folder of " + csv +
				" does not exist");
		try (OpenModel opened = ModelFiles.open(model, device)) {
			final Evaluation evaluation = evaluate(opened, MovieFiles.open(truth, channel), tile, seed);
			System.out.print(evaluation.summary());
			if (csv != null) {
				try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
					evaluation.writeCsv(out);
				}
				System.out.println("Per-frame scores in " + csv);
			}
		}
		return ExitCodes.OK;
	}

	static Evaluation evaluate(final OpenModel opened, final org.pssr.crappify.Movie truth,
		final int tile, final long seed)
	{
		final int side = tile > 0 ? tile : TileSizes.forDevice(opened.model().device(), opened.model()
			.scale());
		System.err.println("Evaluating on " + opened.model().device() + " against " + opened
			.recipe());
		final Evaluator evaluator = new Evaluator(opened.model(), new MovieSuperResolver(opened.model(),
			new TiledPredictor(opened.model(), side)), opened.degradation(), seed);
		return evaluator.evaluate(truth, opened.normaliser(truth), SuperresCommand.progress(System.err));
	}
}
