package org.pssr.train;

import java.util.Locale;

/**
 * One epoch of training: losses, validation quality of the network and of the bilinear baseline,
 * and a preview of one validation sample (HR-sized input, output and target; may be absent).
 * Recorded in checkpoints and bundles through Gson, without the preview.
 */
public final class EpochReport {

	private final int epoch;
	private final double trainLoss;
	private final double validLoss;
	private final double psnr;
	private final double ssim;
	private final double baselinePsnr;
	private final double baselineSsim;
	private final boolean best;
	private final double seconds;
	/** Not recorded: images belong to the live report only. */
	private final transient Preview preview;

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

	/** 1-based. */
	public int epoch() {
		return epoch;
	}

	public double trainLoss() {
		return trainLoss;
	}

	/** Mean L1 of the network's output for the first degradation against the target. */
	public double validLoss() {
		return validLoss;
	}

	public double psnr() {
		return psnr;
	}

	public double ssim() {
		return ssim;
	}

	public double baselinePsnr() {
		return baselinePsnr;
	}

	public double baselineSsim() {
		return baselineSsim;
	}

	/** Whether this epoch gave the best validation PSNR so far (and was saved as {@code best}). */
	public boolean best() {
		return best;
	}

	public double seconds() {
		return seconds;
	}

	public Preview preview() {
		return preview;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT,
			"epoch %d: train loss %.4f, valid loss %.4f, PSNR %.2f dB (bilinear %.2f), SSIM %.4f (bilinear %.4f)%s, %.0f s",
			epoch, trainLoss, validLoss, psnr, baselinePsnr, ssim, baselineSsim, best ? ", best" : "", seconds);
	}

	/** One validation sample at HR size: the bilinear upsampled centre frame, output and target. */
	public static final class Preview {

		private final float[] input;
		private final float[] output;
		private final float[] target;
		private final int width;
		private final int height;

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
