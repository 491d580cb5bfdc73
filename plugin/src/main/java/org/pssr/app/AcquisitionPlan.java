package org.pssr.app;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.pssr.crappify.Logger;
import org.pssr.crappify.Movie;
import org.pssr.crappify.io.Outputs;
import org.pssr.crappify.io.StagedOutput;
import org.pssr.train.eval.Evaluation;
import org.pssr.train.eval.Method;

/**
 * What each downsampling factor costs in quality, for choosing pixel size and dwell time: the same
 * HR truth evaluated with a model per scale ({@code pssr evaluate --scales 2,4,8}), each against
 * bicubic upsampling at that scale.
 */
public final class AcquisitionPlan {

	/** The marker in a model path that stands for the scale: {@code models/m{scale}.pssr.zip}. */
	public static final String SCALE = "{scale}";

	/** One scale's scores. */
	public static final class Row {

		public final int scale;
		public final Evaluation evaluation;

		Row(final int scale, final Evaluation evaluation) {
			this.scale = scale;
			this.evaluation = evaluation;
		}
	}

	/** Opens the ground truth afresh for each scale's evaluation. */
	@FunctionalInterface
	public interface Truth {

		Movie open() throws IOException;
	}

	private final List<Row> rows = new ArrayList<>();

	/**
	 * Evaluates the model of each of {@code scales} on the truth, smallest scale first.
	 *
	 * @param pattern the models' path with {@link #SCALE} in it
	 * @param recipe degrades the truth instead of each model's own recipe; null for theirs
	 * @param source the truth's file; null when it has none
	 * @param outputs the files the plan will be written to (null: none), checked before any work
	 */
	public static AcquisitionPlan evaluate(final String pattern, final Collection<Integer> scales,
		final String device, final int tile, final long seed, final String recipe, final Truth truth,
		final Path source, final Logger log, final Path... outputs) throws IOException
	{
		for (final int scale : scales)
			model(pattern, scale);
		for (final Path output : outputs)
			if (output != null) Outputs.refuseUnwritable(output);
		final AcquisitionPlan plan = new AcquisitionPlan();
		for (final int scale : new TreeSet<>(scales)) {
			try (OpenModel opened = ModelFiles.open(model(pattern, scale), device)) {
				final EvaluateJob job = new EvaluateJob(opened, tile, seed);
				if (recipe != null) job.withRecipe(recipe);
				plan.add(scale, job, opened, truth.open(), source, log);
			}
		}
		return plan;
	}

	/** The model file for {@code scale}, from a path with {@link #SCALE} in it. */
	public static Path model(final String pattern, final int scale) {
		if (!pattern.contains(SCALE)) throw new IllegalArgumentException("with --scales, the model " +
			"path names a model per scale with " + SCALE + ", e.g. models/m" + SCALE + ".pssr.zip, not " +
			pattern);
		return Path.of(pattern.replace(SCALE, Integer.toString(scale)));
	}

	/** Evaluates {@code model}, which must be for {@code scale}, and adds its row. */
	void add(final int scale, final EvaluateJob job, final OpenModel model, final Movie truth,
		final Path source, final Logger log) throws IOException
	{
		if (model.model().scale() != scale) throw new IllegalArgumentException(model.file().map(
			Path::toString).orElse("the model") + " is x" + model.model().scale() + ", not x" + scale);
		log.log("scale x" + scale + ":");
		rows.add(new Row(scale, job.run(truth, source, null, log)));
	}

	public List<Row> rows() {
		return Collections.unmodifiableList(rows);
	}

	/**
	 * One line per scale: PSNR, SSIM and temporal error of the model, the best classical answer
	 * ({@link Evaluation#bestClassical}) and bicubic.
	 */
	public String table() {
		final StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
			"%-6s %10s %10s %10s %9s %9s %9s %12s %12s %12s%n", "scale", "PSNR model", "PSNR best",
			"PSNR bicub", "SSIM mod", "SSIM best", "SSIM bic", "temporal mod", "temporal best",
			"temporal bic"));
		for (final Row r : rows)
			b.append(String.format(Locale.ROOT,
				"x%-5d %10.3f %10.3f %10.3f %9.4f %9.4f %9.4f %12.5f %12.5f %12.5f%n", scores(r)));
		b.append("best: the best classical answer, bicubic then the Gaussian blur that scores best " +
			"(or that after a mean of three frames)\n");
		return b.toString();
	}

	/** The table as CSV, written when complete. */
	public void writeCsv(final Path csv) throws IOException {
		try (StagedOutput staged = StagedOutput.file(csv)) {
			try (Writer out = Files.newBufferedWriter(staged.path(), StandardCharsets.UTF_8)) {
				out.write("scale,psnr_model,psnr_best_classical,psnr_bicubic,ssim_model," +
					"ssim_best_classical,ssim_bicubic,temporal_model,temporal_best_classical," +
					"temporal_bicubic\n");
				for (final Row r : rows)
					out.write(String.format(Locale.ROOT,
						"%d,%.4f,%.4f,%.4f,%.5f,%.5f,%.5f,%.6f,%.6f,%.6f%n", scores(r)));
			}
			staged.commit();
		}
	}

	/**
	 * A row's columns: scale, then PSNR, SSIM and temporal error, each of the model, the best
	 * classical answer and bicubic.
	 */
	private static Object[] scores(final Row r) {
		final Evaluation e = r.evaluation;
		final Method best = e.bestClassical();
		return new Object[] { r.scale, e.meanPsnr(Method.MODEL), e.meanPsnr(best), e.meanPsnr(
			Method.BICUBIC), e.meanSsim(Method.MODEL), e.meanSsim(best), e.meanSsim(Method.BICUBIC), e
				.temporalError(Method.MODEL), e.temporalError(best), e.temporalError(Method.BICUBIC) };
	}
}
