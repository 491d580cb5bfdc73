package org.pssr.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.pssr.app.AcquisitionPlan;
import org.pssr.app.EvaluateJob;
import org.pssr.app.ModelFiles;
import org.pssr.app.OpenModel;
import org.pssr.app.OutputRule;
import org.pssr.imagej.EvaluationFigures;
import org.pssr.imagej.MovieFiles;
import org.pssr.imagej.PlanPlot;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
	defaultValueProvider = SettingDefaults.Superres.class,
	description = { "Measure a model on a high-resolution ground-truth movie: degrade it with the " +
		"model's own recipe (twice, independent noise), super-resolve, and compare with bicubic and " +
		"bilinear upsampling. PSNR and SSIM per frame after the PSSR normalisation, temporal error " +
		"(flicker) and noise difference (stability) per method. See docs/inference.md." })
public final class EvaluateCommand implements Callable<Integer> {

	@Mixin
	InferenceOptions model;

	@Option(names = "--truth", required = true, paramLabel = "HR_MOVIE",
		description = "Ground-truth high-resolution movie (TIFF, CZI).")
	Path truth;

	@Option(names = "--csv", paramLabel = "OUT.csv", description = "Also write the per-frame scores.")
	Path csv;

	@Option(names = "--recipe", paramLabel = "NAME|FILE.json",
		completionCandidates = RecipeHelp.Keys.class,
		description = "Degrade the truth with this recipe instead of the model's own: " +
			"${COMPLETION-CANDIDATES} (listed below) or a recipe file from 'pssr calibrate' (your " +
			"microscope's noise).")
	String recipe;

	@Option(names = "--seed", defaultValue = "1",
		description = "Seed of the noise draws (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--scales", split = ",", paramLabel = "S,S,...",
		description = "Plan an acquisition: evaluate a model per downsampling factor (--model with " +
			AcquisitionPlan.SCALE + " in its path, e.g. m" + AcquisitionPlan.SCALE + ".pssr.zip) and " +
			"print PSNR, SSIM and temporal error against the factor, beside bicubic; --csv writes that " +
			"table.")
	List<Integer> scales;

	@Option(names = "--plot", paramLabel = "OUT.png",
		description = "With --scales: also draw PSNR against the downsampling factor.")
	Path plot;

	@Option(names = "--figure", paramLabel = "OUT.png",
		description = "Also draw one frame side by side (LR input, bicubic, model, truth, |model - " +
			"truth|) and kymographs (a row of pixels through time: flicker shows as streaks).")
	Path figure;

	@Option(names = "--figure-frame", defaultValue = "0", paramLabel = "N",
		description = "The frame of --figure, counted from 1 (default: the middle frame).")
	int figureFrame;

	@Mixin
	OverwriteOption overwrite;

	@Override
	public Integer call() throws IOException {
		if (scales != null) {
			if (figure != null) throw new UserException("--figure draws one model's evaluation; with " +
				"--scales, --plot draws the plan");
			return plan();
		}
		if (plot != null) throw new UserException("--plot draws the plan of --scales; give --scales too");
		if (figureFrame != 0 && figure == null) throw new UserException("--figure-frame picks the " +
			"frame of --figure; give --figure too");
		try (OpenModel opened = ModelFiles.open(model.model, model.device)) {
			final EvaluateJob job = evaluateJob(opened);
			System.out.print(job.run(MovieFiles.IMAGEJ.open(truth, model.movie.channel), truth, csv,
				ConsoleLogger.stdout()).summary());
			if (figure != null) {
				EvaluationFigures.save(job.figure(), figure);
				System.out.println("Figure in " + figure);
			}
		}
		return ExitCodes.OK;
	}

	private EvaluateJob evaluateJob(final OpenModel opened) {
		final EvaluateJob job = new EvaluateJob(opened, model.tile, seed).replacing(overwrite.rule());
		if (figure != null) job.withFigure(figureFrame, figure);
		return recipe == null ? job : job.withRecipe(recipe);
	}

	private int plan() throws IOException {
		final OutputRule rule = overwrite.rule();
		if (csv != null) rule.check("--csv", csv, OutputRule.Kind.TABLE);
		if (plot != null) rule.check("--plot", plot, OutputRule.Kind.FIGURE);
		final AcquisitionPlan plan = AcquisitionPlan.evaluate(model.model.toString(), scales,
			model.device, model.tile, seed, recipe, () -> MovieFiles.IMAGEJ.open(truth, model.movie.channel),
			truth, ConsoleLogger.stdout(), csv, plot);
		System.out.print(plan.table());
		if (csv != null) plan.writeCsv(csv);
		if (plot != null) PlanPlot.save(plan.rows(), plot);
		return ExitCodes.OK;
	}
}
