package org.pssr.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.pssr.train.DjlSuperResolutionModel;
import org.pssr.train.UNet;
import org.pssr.train.UNetConfig;

/**
 * Output megapixels per second of super-resolving one window of frames (the whole LR frame at once,
 * no tiles), through the same {@link DjlSuperResolutionModel} the movie predictor calls.
 */
final class InferenceWorkload implements Workload {

	private final String preset;
	private final int lrSide;
	private final int warmup;
	private final int reps;
	private final int rounds;

	/**
	 * @param reps timed frames per round, after {@code warmup} frames
	 * @param rounds rounds on each side, in alternation with the reference
	 */
	InferenceWorkload(final String preset, final int lrSide, final int warmup, final int reps,
		final int rounds)
	{
		this.preset = preset;
		this.lrSide = lrSide;
		this.warmup = warmup;
		this.reps = reps;
		this.rounds = rounds;
	}

	@Override
	public String name() {
		return "infer-" + preset + "-" + lrSide;
	}

	@Override
	public List<Measurement> run(final BenchContext context) throws Exception {
		final int s = TrainingSteps.SCALE;
		final int hr = lrSide * s;
		final float[] window = new float[TrainingSteps.FRAMES * lrSide * lrSide];
		final SplittableRandom r = new SplittableRandom(3);
		for (int i = 0; i < window.length; i++) {
			window[i] = (float) r.nextDouble();
		}
		final Spread[] seconds;
		try (DjlSuperResolutionModel model = new DjlSuperResolutionModel(new UNet(UNetConfig.preset(
			preset, TrainingSteps.FRAMES, s), context.device(), 1)))
		{
			seconds = Interleaved.run(rounds, () -> Stopwatch.medianSeconds(warmup, reps, () -> model
				.predict(window, 1, lrSide, lrSide)), !context.reference().available() ? null : () -> context
					.reference().run("infer", "--preset", preset, "--lr", Integer.toString(lrSide), "--warmup",
						Integer.toString(warmup), "--reps", Integer.toString(reps), "--device", context
							.referenceDevice()).get("secondsPerFrame").getAsDouble());
		}
		final double ours = seconds[0].median();
		final double theirs = seconds[1] == null ? Double.NaN : seconds[1].median();
		final double megapixels = hr * (double) hr / 1e6;
		final double flops = Flops.perHrPixel(preset, hr) * hr * (double) hr;
		final double[] peak = context.peakGflops();
		final String what = preset + ", " + lrSide + "x" + lrSide + " -> " + hr + "x" + hr + context
			.onDevice();
		final double oursGflops = flops / ours / 1e9;
		final double theirGflops = flops / theirs / 1e9;
		return Arrays.asList(Measurement.rates("inference " + what + ", untiled", "output MP/s",
			megapixels, seconds, context.referenceNote(String.format(Locale.ROOT, "%d rounds in " +
				"alternation with the reference, each %d warm-up + median of %d frames", rounds, warmup,
				reps))), new Measurement("hardware: inference " +
					what, "fraction of matmul peak", oursGflops / peak[0], theirGflops / peak[1], true, context
						.referenceNote(String.format(Locale.ROOT, "%.1f vs %.1f GFLOP/s", oursGflops,
							theirGflops))));
	}
}
