package org.pssr.crappify;

/**
 * Means and variances over square windows of {@code (2 r + 1)^2} pixels, borders mirrored
 * ({@link Mirror}), from summed-area tables in double precision: the local statistics of the noise
 * measurements, whose variances are small differences of large sums of squares.
 */
final class BoxFilter {

	private BoxFilter() {}

	/** The local mean of {@code image} (row-major, {@code width x height}). */
	static float[] mean(final float[] image, final int width, final int height, final int r) {
		final double[] sums = windowSums(image, width, height, r, false);
		final double area = (2 * r + 1) * (2 * r + 1);
		final float[] out = new float[sums.length];
		for (int i = 0; i < out.length; i++)
			out[i] = (float) (sums[i] / area);
		return out;
	}

	/** The local variance of {@code image}, the window's mean square minus its squared mean. */
	static float[] variance(final float[] image, final int width, final int height, final int r) {
		final double[] sums = windowSums(image, width, height, r, false);
		final double[] squares = windowSums(image, width, height, r, true);
		final double area = (2 * r + 1) * (2 * r + 1);
		final float[] out = new float[sums.length];
		for (int i = 0; i < out.length; i++) {
			final double mean = sums[i] / area;
			out[i] = (float) Math.max(0, squares[i] / area - mean * mean);
		}
		return out;
	}

	private static double[] windowSums(final float[] image, final int width, final int height,
		final int r, final boolean squared)
	{
		final int w = width + 2 * r;
		final int h = height + 2 * r;
		final double[] table = new double[(w + 1) * (h + 1)];
		for (int y = 0; y < h; y++) {
			final int sy = Mirror.index(y - r, height) * width;
			double row = 0;
			for (int x = 0; x < w; x++) {
				final double v = image[sy + Mirror.index(x - r, width)];
				row += squared ? v * v : v;
				table[(y + 1) * (w + 1) + x + 1] = table[y * (w + 1) + x + 1] + row;
			}
		}
		final int side = 2 * r + 1;
		final double[] out = new double[width * height];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++)
				out[y * width + x] = table[(y + side) * (w + 1) + x + side] - table[y * (w + 1) + x + side] -
					table[(y + side) * (w + 1) + x] + table[y * (w + 1) + x];
		return out;
	}
}
