package org.pssr.train;

/**
 * Image quality against a ground truth, on normalised images (data range 1): PSNR, and SSIM with
 * the usual 11x11 Gaussian window (sigma 1.5, K1 = 0.01, K2 = 0.03, edges clamped).
 */
public final class Metrics {

	private static final double[] WINDOW = gaussian(1.5, 5);

	private Metrics() {}

	/** PSNR in dB of {@code a} against {@code b} over {@code n} values from {@code offset}. */
	public static double psnr(final float[] a, final float[] b, final int offset, final int n) {
		double se = 0;
		for (int i = offset; i < offset + n; i++) {
			final double d = a[i] - b[i];
			se += d * d;
		}
		final double mse = se / n;
		return mse == 0 ? 100 : 10 * Math.log10(1 / mse);
	}

	/** Mean SSIM of two {@code w x h} images stored from {@code offset}. */
	public static double ssim(final float[] a, final float[] b, final int offset, final int w,
		final int h)
	{
		final int n = w * h;
		final double[] x = new double[n];
		final double[] y = new double[n];
		final double[] xx = new double[n];
		final double[] yy = new double[n];
		final double[] xy = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = a[offset + i];
			y[i] = b[offset + i];
			xx[i] = x[i] * x[i];
			yy[i] = y[i] * y[i];
			xy[i] = x[i] * y[i];
		}
		final double[] mx = blur(x, w, h);
		final double[] my = blur(y, w, h);
		final double[] sxx = blur(xx, w, h);
		final double[] syy = blur(yy, w, h);
		final double[] sxy = blur(xy, w, h);
		final double c1 = 1e-4;
		final double c2 = 9e-4;
		double sum = 0;
		for (int i = 0; i < n; i++) {
			final double vx = sxx[i] - mx[i] * mx[i];
			final double vy = syy[i] - my[i] * my[i];
			final double cxy = sxy[i] - mx[i] * my[i];
			sum += (2 * mx[i] * my[i] + c1) * (2 * cxy + c2) / ((mx[i] * mx[i] + my[i] * my[i] + c1) * (vx +
				vy + c2));
		}
		return sum / n;
	}

	private static double[] blur(final double[] v, final int w, final int h) {
		final int r = WINDOW.length / 2;
		final double[] tmp = new double[v.length];
		final double[] out = new double[v.length];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				double s = 0;
				for (int k = -r; k <= r; k++) {
					s += WINDOW[k + r] * v[y * w + Math.min(w - 1, Math.max(0, x + k))];
				}
				tmp[y * w + x] = s;
			}
		}
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				double s = 0;
				for (int k = -r; k <= r; k++) {
					s += WINDOW[k + r] * tmp[Math.min(h - 1, Math.max(0, y + k)) * w + x];
				}
				out[y * w + x] = s;
			}
		}
		return out;
	}

	private static double[] gaussian(final double sigma, final int radius) {
		final double[] g = new double[2 * radius + 1];
		double sum = 0;
		for (int i = 0; i < g.length; i++) {
			final double d = i - radius;
			g[i] = Math.exp(-d * d / (2 * sigma * sigma));
			sum += g[i];
		}
		for (int i = 0; i < g.length; i++) {
			g[i] /= sum;
		}
		return g;
	}
}
