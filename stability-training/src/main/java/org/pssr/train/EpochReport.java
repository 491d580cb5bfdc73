package org.pssr.train;

import java.util.Locale;

/**
 * One epoch of training: losses, validation quality of the network and of the bilinear baseline,
 * and a preview of one validation sample (HR-sized input, output and target; may be absent).
 * Recorded in checkpoints and bundles through Gson, without the preview.
 * A value: final public fields, as a record would have (the build targets Java 11).
 */
public final class EpochReport {

	/** 1-based. */
	public final int epoch;
	public final double trainLoss;
	/** Mean L1 of the network's output for the first degradation against the target. */
	public final double validLoss;
	public final double psnr;
	public final double ssim;
	public final double baselinePsnr;
	public final double baselineSsim;
	/** Whether this epoch gave the best validation PSNR so far (and was saved as {@code best}). */
	public final boolean best;
	public final double seconds;
	/** Not recorded: images belong to the live report only. */
	public final transient Preview preview;

	EpochReport(final int epoch, final double trainLoss, final double validLoss, final double psnr,
		final double ssim, final double baselinePsnr, final double baselineSsim, final boolean best,
		final double seconds, final Preview preview)
	{
		this.epoch = epoch;
		this.trainLoss = trainLoss;
		this.validLoss = validLoss;
		this.psnr = psnr;
		this.ssim = ssim;
		this.baselinePsnr = baselinePsnr;
		this.baselineSsim = baselineSsim;
		this.best = best;
		this.seconds = seconds;
		this.preview = preview;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT,
			"epoch %d: train loss %.4f, valid loss %.4f, PSNR %.2f dB (bilinear %.2f), SSIM %.4f (bilinear %.4f)%s, %.0f s",
			epoch, trainLoss, validLoss, psnr, baselinePsnr, ssim, baselineSsim, best ? ", best" : "", seconds);
	}

	/** One validation sample at HR size: the bilinear upsampled centre frame, output and target. */
	public static final class Preview {

		public final float[] input;
		public final float[] output;
		public final float[] target;
		public final int width;
		public final int height;

		Preview(final float[] input, final float[] output, final float[] target, final int width,
			final int height)
		{
			this.input = input;
			this.output = output;
			this.target = target;
			this.width = width;
			this.height = height;
		}

		public float[] input() {
			return input;
		}

		public float[] output() {
			return output;
		}

		public float[] target() {
			return target;
		}

		public int width() {
			return width;
		}

		public int height() {
			return height;
		}
	}
}
