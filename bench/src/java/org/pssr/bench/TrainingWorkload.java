package org.pssr.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Samples per second of the twin training step, and the GFLOP/s it achieves as a share of the peak. */
final class TrainingWorkload implements Workload {

	private final String preset;
	private final int hrTile;
	private final int batch;
	private final int warmup;
	private final int reps;
	private final int rounds;
	private final String note;

	/**
	 * @param reps timed steps per round, after {@code warmup} steps
	 * @param rounds rounds on each side, in alternation with the reference
	 */
	TrainingWorkload(final String preset, final int hrTile, final int batch, final int warmup,
		final int reps, final int rounds, final String note)
	{
		this.preset = preset;
		this.hrTile = hrTile;
		this.batch = batch;
		this.warmup = warmup;
		this.reps = reps;
		this.rounds = rounds;
		this.note = note;
	}

	@Override
	public String name() {
		return "train-" + preset + "-" + hrTile;
	}

	@Override
	public List<Measurement> run(final BenchContext context) throws Exception {
		final String device = context.onGpu() ? "gpu" : "cpu";
		final Spread[] seconds = Interleaved.run(rounds, () -> TrainingSteps.median(TrainingSteps.run(
			preset, hrTile, batch, warmup + reps, device), warmup), !context.reference().available() ? null
				: () -> context.reference().run("train", "--preset", preset, "--tile", Integer.toString(
					hrTile), "--batch", Integer.toString(batch), "--warmup", Integer.toString(warmup), "--reps",
					Integer.toString(reps), "--device", context.referenceDevice()).get("secondsPerStep")
					.getAsDouble());
		final double ours = seconds[0].median();
		final double theirs = seconds[1] == null ? Double.NaN : seconds[1].median();
		final String what = preset + ", HR " + hrTile + " px, batch " + batch + context.onDevice();
		final String how = String.format(Locale.ROOT, "%d rounds in alternation with the reference, " +
			"each %d warm-up + median of %d steps%s", rounds, warmup, reps, note == null ? "" : "; " + note);
		final double flops = Flops.twinStep(preset, hrTile, batch);
		final double[] peak = context.peakGflops();
		final double oursGflops = flops / ours / 1e9;
		final double theirGflops = flops / theirs / 1e9;
		return Arrays.asList(Measurement.rates("training " + what, "samples/s", batch, seconds, context
			.referenceNote(how)), new Measurement("hardware: training " + what,
				"fraction of matmul peak", oursGflops / peak[0], theirGflops / peak[1], true, context
					.referenceNote(String.format(Locale.ROOT, "%.1f vs %.1f GFLOP/s (3x forward FLOPs)",
						oursGflops, theirGflops))));
	}
}
