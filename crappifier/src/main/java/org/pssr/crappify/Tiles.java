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
