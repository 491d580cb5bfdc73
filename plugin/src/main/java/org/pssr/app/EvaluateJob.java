package org.pssr.app;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.pssr.crappify.Logger;
import org.pssr.crappify.Movie;
import org.pssr.crappify.io.Outputs;
import org.pssr.crappify.io.StagedOutput;
import org.pssr.train.eval.Evaluation;
import org.pssr.train.eval.Evaluator;

/**
 * Measures a model on a ground-truth HR movie, degraded with the model's own recipe, against
 * bicubic and bilinear upsampling: {@code pssr evaluate} and Evaluate Model.
 */
public final class EvaluateJob {

	private final OpenModel model;
	private final int tile;
	private final long seed;

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
	 * @param source the truth's file, which the CSV may not replace; null when it has none
	 * @param csv where the per-frame scores go; null for none
	 */
	public Evaluation run(final Movie truth, final Path source, final Path csv, final Logger log)
		throws IOException
	{
		if (csv != null) {
			Outputs.refuseUnwritable(csv);
			Outputs.refuseOverwriting(csv, source, "the ground truth");
			Outputs.refuseOverwriting(csv, model.file().orElse(null), "the model");
		}
		log.log("Evaluating on " + model.model().device() + " against " + model.recipe());
		final Evaluation evaluation;
		try {
			evaluation = new Evaluator(model.model(), model.resolver(tile), model.degradation(), seed)
				.evaluate(truth, model.normaliser(truth), log);
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
