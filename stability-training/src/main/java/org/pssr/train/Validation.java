package org.pssr.train;

import java.nio.FloatBuffer;
import java.util.Arrays;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

import org.pssr.crappify.TwinSample;
import org.pssr.crappify.TwinSource;
import org.pssr.train.eval.ImageQuality;

/**
 * Measures the network on the held-out twins after every epoch (L1, PSNR, SSIM, and a preview of
 * one sample) beside the bilinear baseline it must beat, measured once at the start. Validation
 * samples are epoch 0 of their source, the same every time, so epochs compare.
 */
final class Validation implements TrainingHook {

	private double baselinePsnr;
	private double baselineSsim;

	@Override
	public void onTrainingBegin(final TrainingRun run) {
		double psnr = 0;
		double ssim = 0;
		final TwinSource valid = run.valid;
		for (int i = 0; i < valid.size(); i++) {
			run.stopIfAsked();
			final TwinSample s = valid.get(0, i);
			final float[] up = predict(run.net, new TwinSample[] { s }, true);
			psnr += ImageQuality.psnr(s.target(), up);
			ssim += ImageQuality.ssim(up, s.target(), s.hrWidth(), s.hrHeight());
			run.log.progress("bilinear baseline of the validation twins", i + 1, valid.size());
		}
		baselinePsnr = psnr / valid.size();
		baselineSsim = ssim / valid.size();
	}

	@Override
	public void onEpoch(final TrainingRun run) {
		double l1 = 0;
		double psnr = 0;
		double ssim = 0;
		EpochReport.Preview preview = null;
		final TwinSource valid = run.valid;
		final int n = valid.size();
		for (int pos = 0; pos < n; pos += run.batch) {
			final int b = Math.min(run.batch, n - pos);
			final TwinSample[] samples = new TwinSample[b];
			for (int i = 0; i < b; i++)
				samples[i] = StabilityTrainer.checkSize(valid.get(0, pos + i), samples[0]);
			final float[] out = predict(run.net, samples, false);
			final int hr = samples[0].hrWidth() * samples[0].hrHeight();
			for (int i = 0; i < b; i++) {
				final float[] target = samples[i].target();
				final float[] o = Arrays.copyOfRange(out, i * hr, (i + 1) * hr);
				double d = 0;
				for (int k = 0; k < hr; k++)
					d += Math.abs(o[k] - target[k]);
				l1 += d / hr;
				psnr += ImageQuality.psnr(target, o);
				ssim += ImageQuality.ssim(o, target, samples[i].hrWidth(), samples[i].hrHeight());
				if (preview == null) preview = new EpochReport.Preview(predict(run.net, new TwinSample[] {
					samples[i] }, true), o, target, samples[i].hrWidth(), samples[i].hrHeight());
			}
			run.log.progress("validation of epoch " + (run.epoch + (run.stoppedEarly == null ? 0 : 1)),
				pos + b, n);
			run.stopIfAsked();
		}
		psnr /= n;
		final boolean best = psnr > run.bestPsnr;
		if (best) run.bestPsnr = psnr;
		final int number = run.stoppedEarly == null ? run.epoch : run.epoch + 1;
		run.report = new EpochReport(number, run.trainLoss, l1 / n, psnr, ssim / n, baselinePsnr, baselineSsim, best, (System.nanoTime() -
				run.epochStart) / 1e9, preview);
		run.history.add(run.report);
	}

	/** The network's output for the first degradations, or their bilinear baseline. */
	private static float[] predict(final Network net, final TwinSample[] samples, final boolean bilinear) {
		final TwinSample f = samples[0];
		final int lrSize = f.frames() * f.lrWidth() * f.lrHeight();
		final float[] x = new float[samples.length * lrSize];
		for (int i = 0; i < samples.length; i++)
			System.arraycopy(samples[i].x1(), 0, x, i * lrSize, lrSize);
		try (NDManager m = net.manager().newSubManager()) {
			final NDArray input = m.create(FloatBuffer.wrap(x), new Shape(samples.length, f.frames(), f
				.lrHeight(), f.lrWidth()));
			if (!bilinear) return net.forward(input, false).toFloatArray();
			final int c = f.frames() / 2;
			return Bilinear.upsample(input.get(new NDIndex(":, " + c + ":" + (c + 1))), f.scale())
				.toFloatArray();
		}
	}
}
