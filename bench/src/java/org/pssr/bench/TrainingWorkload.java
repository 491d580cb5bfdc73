package org.pssr.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.google.gson.JsonObject;

/** Samples per second of the twin training step, and the GFLOP/s it achieves as a share of the peak. */
final class TrainingWorkload implements Workload {

	private final String preset;
	private final int hrTile;
	private final int batch;
	private final int warmup;
	private final int reps;
	private final String note;

	TrainingWorkload(final String preset, final int hrTile, final int batch, final int warmup,
		final int reps, final String note)
	{
		this.preset = preset;
		this.hrTile = hrTile;
		this.batch = batch;
		this.warmup = warmup;
		this.reps = reps;
		this.note = note;
	}

	@Override
	public String name() {
		return "train-" + preset + "-" + hrTile;
	}

	@Override
	public List<Measurement> run(final BenchContext context) throws Exception {
		final double[] steps = TrainingSteps.run(preset, hrTile, batch, warmup + reps);
		final double ours = TrainingSteps.median(steps, warmup);
		double theirs = Double.NaN;
		if (context.reference().available()) {
			final JsonObject r = context.reference().run("train", "--preset", preset, "--tile", Integer
				.toString(hrTile), "--batch", Integer.toString(batch), "--warmup", Integer.toString(warmup),
				"--reps", Integer.toString(reps));
			theirs = r.get("secondsPerStep").getAsDouble();
		}
		final String what = preset + ", HR " + hrTile + " px, batch " + batch;
		final String how = String.format(Locale.ROOT, "%d warm-up + median of %d steps%s", warmup,
			this.reps, note == null ? "" : "; " + note);
		final double flops = Flops.twinStep(preset, hrTile, batch);
		final double[] peak = context.peakGflops();
		final double oursGflops = flops / ours / 1e9;
		final double theirGflops = flops / theirs / 1e9;
		return Arrays.asList(new Measurement("training " + what, "samples/s", batch / ours, batch /
			theirs, true, context.referenceNote(how)), new Measurement("hardware: training " + what,
				"fraction of matmul peak", oursGflops / peak[0], theirGflops / peak[1], true, context
					.referenceNote(String.format(Locale.ROOT, "%.1f vs %.1f GFLOP/s (3x forward FLOPs)",
						oursGflops, theirGflops))));
	}
}
