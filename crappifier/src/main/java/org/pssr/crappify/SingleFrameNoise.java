package org.pssr.crappify;

import java.util.List;

/**
 * The camera's noise from single frames, so that samples that never hold still can be calibrated
 * (after Foi et al. 2008, "Practical Poissonian-Gaussian noise modeling and fitting for single-image
 * raw-data"): the finest diagonal wavelet detail of each 2 x 2 block, {@code (a - b - c + d) / 2},
 * has the noise variance of its pixels and no response to flat or linearly sloping intensities. What
 * a smoothly curved intensity still gives it (half the mixed second derivative) is predicted from the
 * means of the blocks around and taken off. Its variance is measured in level sets of the blocks' own
 * means (not smoothed, nor taken from the blocks around: a bright structure a few pixels wide would
 * then lend its noise to a level below its own), over blocks where the image is smooth (the squared Laplacian of the block means,
 * averaged over the 3 x 3 blocks around, is at most {@value #ACTIVITY} times what their noise alone
 * gives: curvature, edges and texture are excluded, slopes are not), so that structure does not pass
 * for noise. Block means and details of the same pixels are independent for Gaussian noise, so
 * choosing blocks by their means does not bias the details.
 */
final class SingleFrameNoise {

	/** How much more than noise the local spread of block means may be for a block to count as smooth. */
	static final double ACTIVITY = 2;
	private static final int MAX_SAMPLES = 1 << 22;

	private final float clipLow;
	private final float clipHigh;

	/**
	 * @param clipLow a grey level at or below which a pixel may be clipped (NaN: none is)
	 * @param clipHigh a grey level at or above which a pixel may be clipped (NaN: none is)
	 */
	SingleFrameNoise(final float clipLow, final float clipHigh) {
		this.clipLow = clipLow;
		this.clipHigh = clipHigh;
	}

	/** Smooth blocks of the last {@link #measure}, as a fraction of all unclipped ones. */
	double smoothFraction;

	/** @return null when the frames hold too few smooth blocks */
	VarianceLine measure(final List<float[]> frames, final int width, final int height) {
		final int bw = width / 2;
		final int bh = height / 2;
		if (bw < 3 || bh < 3) return null;
		final int blocks = bw * bh;
		final int stride = (int) Math.max(1, (long) blocks * frames.size() / MAX_SAMPLES);
		final float[][] means = new float[frames.size()][];
		final float[][] details = new float[frames.size()][];
		final float[][] levels = new float[frames.size()][];
		final float[][] activity = new float[frames.size()][];
		final boolean[][] clipped = new boolean[frames.size()][];
		for (int f = 0; f < frames.size(); f++) {
			final float[] z = frames.get(f);
			means[f] = new float[blocks];
			details[f] = new float[blocks];
			clipped[f] = new boolean[blocks];
			for (int y = 0; y < bh; y++)
				for (int x = 0; x < bw; x++) {
					final int i = 2 * y * width + 2 * x;
					final float a = z[i];
					final float b = z[i + 1];
					final float c = z[i + width];
					final float d = z[i + width + 1];
					final int k = y * bw + x;
					means[f][k] = (a + b + c + d) / 4;
					details[f][k] = (a - b - c + d) / 2;
					clipped[f][k] = isClipped(a) || isClipped(b) || isClipped(c) || isClipped(d);
				}
			levels[f] = means[f];
			activity[f] = curvature(means[f], details[f], bw, bh);
		}
		VarianceLine line = collect(details, levels, activity, clipped, null, stride).line();
		for (int round = 0; round < 2 && line != null; round++) {
			final NoiseSamples smooth = collect(details, levels, activity, clipped, line, stride);
			final VarianceLine refined = smooth.line();
			if (refined == null) return null;
			line = refined;
		}
		return line;
	}

	/** Details of unclipped blocks, and only of smooth ones when {@code guide} is given. */
	private NoiseSamples collect(final float[][] details, final float[][] levels,
		final float[][] activity, final boolean[][] clipped, final VarianceLine guide, final int stride)
	{
		// a block's level is the mean of its four pixels
		final NoiseSamples samples = new NoiseSamples(MAX_SAMPLES, 0.25);
		long unclipped = 0;
		for (int f = 0; f < details.length; f++)
			for (int k = 0; k < details[f].length; k += stride) {
				if (clipped[f][k]) continue;
				unclipped++;
				// the Laplacian of block means, each with a quarter of the pixels' noise variance, has
				// (16 + 4) / 4 = 5 times that variance from noise alone
				if (guide != null && activity[f][k] > ACTIVITY * 5 * Math.max(guide.at(levels[f][k]),
					1e-12)) continue;
				samples.add(levels[f][k], details[f][k]);
			}
		smoothFraction = unclipped == 0 ? 0 : (double) samples.size() / unclipped;
		return samples;
	}

	/**
	 * The local mean of the squared Laplacian of the block means; on the way, takes off each detail
	 * what the curvature of the block means predicts for it (a fourth of their diagonal second
	 * difference over blocks two pixels apart, halved).
	 */
	private static float[] curvature(final float[] means, final float[] details, final int bw,
		final int bh)
	{
		final float[] laplacian = new float[means.length];
		for (int y = 0; y < bh; y++)
			for (int x = 0; x < bw; x++) {
				final int up = Mirror.index(y - 1, bh) * bw;
				final int down = Mirror.index(y + 1, bh) * bw;
				final int left = Mirror.index(x - 1, bw);
				final int right = Mirror.index(x + 1, bw);
				final int row = y * bw;
				laplacian[row + x] = 4 * means[row + x] - means[up + x] - means[down + x] - means[row +
					left] - means[row + right];
				final float mixed = (means[down + right] - means[down + left] - means[up + right] +
					means[up + left]) / 4;
				details[row + x] -= mixed / 8;
			}
		for (int i = 0; i < laplacian.length; i++)
			laplacian[i] *= laplacian[i];
		return BoxFilter.mean(laplacian, bw, bh, 1);
	}

	private boolean isClipped(final float v) {
		return v <= clipLow || v >= clipHigh;
	}
}
