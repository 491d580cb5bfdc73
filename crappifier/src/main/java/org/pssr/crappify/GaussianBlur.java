package org.pssr.crappify;

/**
 * A separable Gaussian blur of standard deviation {@code sigma} pixels, the kernel truncated at 3
 * sigma and normalised, borders mirrored ({@link Mirror}): the blur of the PSSR recipe, of a
 * simulated microscope's optics and of the best classical answer (what ImageJ's
 * {@code Gaussian Blur...} does to a frame, but for the border rule). Float sums in a fixed order, and
 * {@link StrictMath}, so a recipe gives the same twins on every machine.
 */
public final class GaussianBlur {

	private GaussianBlur() {}

	/** A new row-major {@code width x height} image; {@code sigma} 0 returns a copy. */
	public static float[] apply(final float[] in, final int width, final int height,
		final double sigma)
	{
		if (!(sigma >= 0)) throw new IllegalArgumentException("sigma must be >= 0, not " + sigma);
		if (sigma == 0) return in.clone();
		final float[] kernel = kernel(sigma);
		final float[] tmp = new float[in.length];
		final float[] out = new float[in.length];
		final int r = kernel.length / 2;
		final float[] line = new float[Math.max(width, height) + 2 * r];
		for (int y = 0; y < height; y++) {
			for (int i = -r; i < width + r; i++)
				line[i + r] = in[y * width + Mirror.index(i, width)];
			convolve(line, kernel, tmp, y * width, 1, width);
		}
		for (int x = 0; x < width; x++) {
			for (int i = -r; i < height + r; i++)
				line[i + r] = tmp[Mirror.index(i, height) * width + x];
			convolve(line, kernel, out, x, width, height);
		}
		return out;
	}

	/** {@code n} outputs of a padded line, written from {@code start} every {@code step}. */
	private static void convolve(final float[] line, final float[] kernel, final float[] out,
		final int start, final int step, final int n)
	{
		for (int i = 0; i < n; i++) {
			float sum = 0;
			for (int k = 0; k < kernel.length; k++)
				sum += kernel[k] * line[i + k];
			out[start + i * step] = sum;
		}
	}

	private static float[] kernel(final double sigma) {
		final int r = Math.max(1, (int) Math.ceil(3 * sigma));
		final float[] kernel = new float[2 * r + 1];
		double sum = 0;
		for (int i = -r; i <= r; i++) {
			final double v = StrictMath.exp(-0.5 * i * i / (sigma * sigma));
			kernel[i + r] = (float) v;
			sum += v;
		}
		for (int i = 0; i < kernel.length; i++)
			kernel[i] /= sum;
		return kernel;
	}
}
