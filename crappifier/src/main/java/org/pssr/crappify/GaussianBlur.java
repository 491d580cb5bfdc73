package org.pssr.crappify;

/**
 * What ImageJ's {@code Gaussian Blur...} does to a frame: a separable Gaussian of standard
 * deviation {@code sigma} pixels, kernel truncated at 4 sigma and normalised, borders mirrored
 * half-sample symmetrically (as the SSIM of the evaluation mirrors them). The blur of the best
 * classical answer, of a simulated microscope's optics and of a recipe's.
 */
public final class GaussianBlur {

	private GaussianBlur() {}

	/** A new row-major {@code width x height} image; {@code sigma} 0 returns a copy. */
	public static float[] apply(final float[] image, final int width, final int height, final double sigma) {
		if (!(sigma >= 0)) throw new IllegalArgumentException("sigma must be >= 0, not " + sigma);
		if (sigma == 0) return image.clone();
		final float[] kernel = kernel(sigma);
		final int radius = kernel.length / 2;
		final float[] rows = new float[image.length];
		final int[] xs = indices(width, radius);
		for (int y = 0; y < height; y++) {
			final int row = y * width;
			for (int x = 0; x < width; x++) {
				float v = 0;
				for (int k = 0; k < kernel.length; k++)
					v += kernel[k] * image[row + xs[x + k]];
				rows[row + x] = v;
			}
		}
		final float[] out = new float[image.length];
		final int[] ys = indices(height, radius);
		final float[] column = new float[height];
		for (int x = 0; x < width; x++) {
			for (int y = 0; y < height; y++)
				column[y] = rows[y * width + x];
			for (int y = 0; y < height; y++) {
				float v = 0;
				for (int k = 0; k < kernel.length; k++)
					v += kernel[k] * column[ys[y + k]];
				out[y * width + x] = v;
			}
		}
		return out;
	}

	/** For output {@code i}, tap {@code k} reads sample {@code indices[i + k]}. */
	private static int[] indices(final int n, final int radius) {
		final int[] index = new int[n + 2 * radius];
		for (int i = 0; i < index.length; i++)
			index[i] = reflect(i - radius, n);
		return index;
	}

	private static int reflect(final int i, final int n) {
		final int period = 2 * n;
		final int r = Math.floorMod(i, period);
		return r < n ? r : period - 1 - r;
	}

	private static float[] kernel(final double sigma) {
		final int radius = Math.max(1, (int) Math.ceil(4 * sigma));
		final float[] k = new float[2 * radius + 1];
		double sum = 0;
		final double[] w = new double[k.length];
		for (int i = -radius; i <= radius; i++) {
			w[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
			sum += w[i + radius];
		}
		for (int i = 0; i < k.length; i++)
			k[i] = (float) (w[i] / sum);
		return k;
	}
}
