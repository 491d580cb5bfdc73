package org.pssr.train.eval;

/**
 * The interpolation baselines a super-resolution model has to beat. Pixel centres are aligned as
 * in scikit-image's and OpenCV's resize (output x maps to {@code (x + 0.5) / s - 0.5}), edge
 * pixels are repeated outside the image.
 */
public enum Upsampling {

	/** Keys' cubic convolution with a = -0.5 (as MATLAB's and PIL's bicubic). */
	BICUBIC("bicubic", 2) {

		@Override
		double weight(final double d) {
			final double a = Math.abs(d);
			if (a < 1) return (1.5 * a - 2.5) * a * a + 1;
			if (a < 2) return ((-0.5 * a + 2.5) * a - 4) * a + 2;
			return 0;
		}
	},

	BILINEAR("bilinear", 1) {

		@Override
		double weight(final double d) {
			final double a = Math.abs(d);
			return a < 1 ? 1 - a : 0;
		}
	};

	private final String label;
	private final int support;

	Upsampling(final String label, final int support) {
		this.label = label;
		this.support = support;
	}

	public String label() {
		return label;
	}

	abstract double weight(double distance);

	/** A row-major {@code (width * scale) x (height * scale)} image. */
	public float[] upsample(final float[] image, final int width, final int height,
		final int scale)
	{
		final int ow = width * scale;
		final int oh = height * scale;
		final int taps = 2 * support;
		final int[][] xi = new int[ow][taps];
		final double[][] xw = new double[ow][taps];
		final int[][] yi = new int[oh][taps];
		final double[][] yw = new double[oh][taps];
		taps(width, scale, xi, xw);
		taps(height, scale, yi, yw);
		final double[] rows = new double[height * ow];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < ow; x++) {
				double v = 0;
				for (int k = 0; k < taps; k++)
					v += xw[x][k] * image[y * width + xi[x][k]];
				rows[y * ow + x] = v;
			}
		final float[] out = new float[ow * oh];
		for (int y = 0; y < oh; y++)
			for (int x = 0; x < ow; x++) {
				double v = 0;
				for (int k = 0; k < taps; k++)
					v += yw[y][k] * rows[yi[y][k] * ow + x];
				out[y * ow + x] = (float) v;
			}
		return out;
	}

	private void taps(final int n, final int scale, final int[][] index, final double[][] weights) {
		final int taps = 2 * support;
		for (int o = 0; o < index.length; o++) {
			final double source = (o + 0.5) / scale - 0.5;
			final int first = (int) Math.floor(source) - support + 1;
			for (int k = 0; k < taps; k++) {
				index[o][k] = Math.max(0, Math.min(n - 1, first + k));
				weights[o][k] = weight(source - (first + k));
			}
		}
	}
}
