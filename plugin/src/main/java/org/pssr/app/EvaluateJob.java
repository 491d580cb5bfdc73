package org.pssr.app;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.pssr.crappify.Degradation;
import org.pssr.crappify.Degradations;
import org.pssr.crappify.Logger;
import org.pssr.crappify.Movie;
import org.pssr.crappify.io.Outputs;
import org.pssr.crappify.io.StagedOutput;
import org.pssr.train.eval.Evaluation;
import org.pssr.train.eval.EvaluationFigure;
import org.pssr.train.eval.Evaluator;

/**
 * Measures a model on a ground-truth HR movie, degraded with the model's own recipe, against the
 * best classical answers (bicubic then a Gaussian blur of the best sigma, also after a mean of three
 * frames) and plain interpolation: {@code pssr evaluate} and Evaluate Model.
 */
public final class EvaluateJob {

	private final OpenModel model;
	private final int tile;
	private final long seed;
	private Degradation recipe;
	private EvaluationFigure figure;
	private Path figureFile;
	private OutputRule rule = OutputRule.NEVER;

	/**
	 * @param tile LR tile side; 0 picks it from the device's free memory
	 * @param seed of the noise draws
	 */
	public EvaluateJob(final OpenModel model, final int tile, final long seed) {
		this.model = model;
		this.tile = tile;
		this.seed = seed;
	}

	/**
	 * Degrades the truth with {@code name} (a recipe's name or a recipe file, at the model's scale)
	 * instead of the model's own recipe: to measure the model on LR data like the user's microscope
	 * gives ({@code pssr calibrate}).
	 */
	public EvaluateJob withRecipe(final String name) {
		recipe = Degradations.create(name, model.model().scale(), Map.of());
		return this;
	}

	/**
	 * Collects the evaluation's figure ({@link EvaluationFigure}) as it runs, for {@link #figure()}.
	 *
	 * @param frame the frame of its panels, 1-based; 0 for the middle frame
	 * @param file where a front end will write it, checked before any work; null for none
	 */
	public EvaluateJob withFigure(final int frame, final Path file) {
		if (frame < 0) throw new IllegalArgumentException("the figure's frame counts from 1 (0: the " +
			"middle frame), not " + frame);
		figure = new EvaluationFigure(frame - 1);
		figureFile = file;
		return this;
	}

	/** Whether the CSV and the figure may replace earlier ones of pssr's (default: never). */
	public EvaluateJob replacing(final OutputRule outputs) {
		rule = outputs;
		return this;
	}

	/** The figure {@link #withFigure} asked for, once {@link #run} is done. */
	public EvaluationFigure figure() {
		if (figure == null) throw new IllegalStateException("no figure was asked for");
		return figure;
	}

	/**
	 * @param source the truth's file, which the CSV and the figure may not replace; null when it has
	 *          none
	 * @param csv where the per-frame scores go; null for none
	 */
	public Evaluation run(final Movie truth, final Path source, final Path csv, final Logger log)
		throws IOException
	{
		for (final Path output : new Path[] { csv, figureFile }) {
			if (output == null) continue;
			Outputs.refuseUnwritable(output);
			Outputs.refuseOverwriting(output, source, "the ground truth");
			Outputs.refuseOverwriting(output, model.file().orElse(null), "the model");
			rule.check(output == csv ? "--csv" : "--figure", output, output == csv ? OutputRule.Kind.TABLE
				: OutputRule.Kind.FIGURE);
		}
		final Degradation degradation = recipe != null ? recipe : model.degradation();
		log.log("Evaluating on " + model.model().device() + " against " + (recipe != null ? "recipe " +
			recipe + " (not the model's own)" : model.recipe()));
		final Evaluation evaluation;
		try {
			evaluation = new Evaluator(model.model(), model.resolver(tile)).evaluate(truth, model
				.normaliser(truth), degradation, seed, figure, log);
		}
		catch (final IllegalArgumentException e) {
			throw Refusals.about(source, e);
		}
		if (csv != null) {
			try (StagedOutput staged = StagedOutput.file(csv)) {
				try (Writer out = Files.newBufferedWriter(staged.path(), StandardCharsets.UTF_8)) {
					evaluation.writeCsv(out);
				}
				staged.commit();
			}
			log.log("Per-frame scores in " + csv);
		}
		return evaluation;
	}
}
