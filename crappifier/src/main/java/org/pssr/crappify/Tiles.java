package org.pssr.crappify;

/** Small operations on row-major float tiles that the recipes and the sampler share. */
final class Tiles {

	private Tiles() {}

	/** Area (box) average over {@code scale x scale} blocks: anti-aliased for integer factors. */
	static float[] downsample(final float[] hr, final int width, final int height, final int scale) {
		final int w = width / scale;
		final int h = height / scale;
		final float[] lr = new float[w * h];
		final float norm = 1f / (scale * scale);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				double sum = 0;
				for (int dy = 0; dy < scale; dy++) {
					final int row = (y * scale + dy) * width + x * scale;
					for (int dx = 0; dx < scale; dx++) {
						sum += hr[row + dx];
					}
				}
				lr[y * w + x] = (float) sum * norm;
			}
		}
		return lr;
	}

	/** Separable Gaussian blur, mirrored at the borders. */
	static float[] gaussianBlur(final float[] in, final int width, final int height,
		final double sigma)
	{
		final float[] kernel = gaussianKernel(sigma);
		final float[] tmp = new float[in.length];
		final float[] out = new float[in.length];
		final int r = kernel.length / 2;
		final float[] line = new float[Math.max(width, height) + 2 * r];
		for (int y = 0; y < height; y++) {
			for (int i = -r; i < width + r; i++) {
				line[i + r] = in[y * width + Mirror.index(i, width)];
			}
			convolve(line, kernel, tmp, y * width, 1, width);
		}
		for (int x = 0; x < width; x++) {
			for (int i = -r; i < height + r; i++) {
				line[i + r] = tmp[Mirror.index(i, height) * width + x];
			}
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
			for (int k = 0; k < kernel.length; k++) {
				sum += kernel[k] * line[i + k];
			}
			out[start + i * step] = sum;
		}
	}

	private static float[] gaussianKernel(final double sigma) {
		final int r = Math.max(1, (int) Math.ceil(3 * sigma));
		final float[] kernel = new float[2 * r + 1];
		double sum = 0;
		for (int i = -r; i <= r; i++) {
			final double v = StrictMath.exp(-0.5 * i * i / (sigma * sigma));
			kernel[i + r] = (float) v;
			sum += v;
		}
		for (int i = 0; i < kernel.length; i++) {
			kernel[i] /= sum;
		}
		return kernel;
	}

	/**
	 * One of the 8 symmetries of the square (rotations by 90° and flips) of a square tile;
	 * {@code code & 3} quarter turns, then a horizontal flip when {@code code & 4}.
	 */
	static float[] dihedral(final float[] in, final int size, final int code) {
		if (code == 0) return in;
		final float[] out = new float[in.length];
		final int turns = code & 3;
		final boolean flip = (code & 4) != 0;
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				int sx = flip ? size - 1 - x : x;
				int sy = y;
				for (int t = 0; t < turns; t++) {
					final int nx = sy;
					sy = size - 1 - sx;
					sx = nx;
				}
				out[y * size + x] = in[sy * size + sx];
			}
		}
		return out;
	}
}
