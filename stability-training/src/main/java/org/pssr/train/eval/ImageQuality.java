package org.pssr.train.eval;

/**
 * PSNR and SSIM as scikit-image computes them, so numbers can be compared with the PSSR papers:
 * SSIM is {@code structural_similarity(a, b, gaussian_weights=True, sigma=1.5,
 * use_sample_covariance=False, data_range=1)}: Gaussian windows truncated at 3.5 sigma (11 x 11),
 * image borders mirrored (half-sample symmetric), K1 = 0.01, K2 = 0.03, and the SSIM map averaged
 * without its outer 5 pixels.
 */
public final class ImageQuality {

	private static final double SIGMA = 1.5;
	private static final int RADIUS = (int) (3.5 * SIGMA + 0.5);
	private static final double[] KERNEL = gaussianKernel();
	private static final double C1 = 0.01 * 0.01;
	private static final double C2 = 0.03 * 0.03;

	private ImageQuality() {}

	/** Peak signal-to-noise ratio in dB for a data range of 1. */
	public static double psnr(final double[] truth, final double[] test) {
		double sum = 0;
		for (int i = 0; i < truth.length; i++) {
			final double d = truth[i] - test[i];
			sum += d * d;
		}
		return 10 * Math.log10(1 / (sum / truth.length));
	}

	/** {@link #psnr(double[], double[])} of single-precision images, as tensors give them. */
	public static double psnr(final float[] truth, final float[] test) {
		return psnr(widen(truth), widen(test));
	}

	/** {@link #ssim(double[], double[], int, int)} of single-precision images. */
	public static double ssim(final float[] a, final float[] b, final int width, final int height) {
		return ssim(widen(a), widen(b), width, height);
	}

	private static double[] widen(final float[] v) {
		final double[] d = new double[v.length];
		for (int i = 0; i < v.length; i++)
			d[i] = v[i];
		return d;
	}

	/** Mean structural similarity of two row-major {@code width x height} images, data range 1. */
	public static double ssim(final double[] a, final double[] b, final int width, final int height) {
		if (width < 2 * RADIUS + 1 || height < 2 * RADIUS + 1) throw new IllegalArgumentException(
			"SSIM needs images of at least " + (2 * RADIUS + 1) + " x " + (2 * RADIUS + 1) + " pixels");
		final int n = width * height;
		final double[] aa = new double[n];
		final double[] bb = new double[n];
		final double[] ab = new double[n];
		for (int i = 0; i < n; i++) {
			aa[i] = a[i] * a[i];
			bb[i] = b[i] * b[i];
			ab[i] = a[i] * b[i];
		}
		final double[] ux = blur(a, width, height);
		final double[] uy = blur(b, width, height);
		final double[] uxx = blur(aa, width, height);
		final double[] uyy = blur(bb, width, height);
		final double[] uxy = blur(ab, width, height);
		double sum = 0;
		for (int y = RADIUS; y < height - RADIUS; y++) {
			for (int x = RADIUS; x < width - RADIUS; x++) {
				final int i = y * width + x;
				final double vx = uxx[i] - ux[i] * ux[i];
				final double vy = uyy[i] - uy[i] * uy[i];
				final double vxy = uxy[i] - ux[i] * uy[i];
				sum += (2 * ux[i] * uy[i] + C1) * (2 * vxy + C2) / ((ux[i] * ux[i] + uy[i] * uy[i] + C1) *
					(vx + vy + C2));
			}
		}
		return sum / ((width - 2 * RADIUS) * (height - 2 * RADIUS));
	}

	/** Separable Gaussian filter with scipy.ndimage's "reflect" border. */
	private static double[] blur(final double[] image, final int width, final int height) {
		final double[] rows = new double[image.length];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				double v = 0;
				for (int k = -RADIUS; k <= RADIUS; k++)
					v += KERNEL[k + RADIUS] * image[y * width + reflect(x + k, width)];
				rows[y * width + x] = v;
			}
		final double[] out = new double[image.length];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				double v = 0;
				for (int k = -RADIUS; k <= RADIUS; k++)
					v += KERNEL[k + RADIUS] * rows[reflect(y + k, height) * width + x];
				out[y * width + x] = v;
			}
		return out;
	}

	/** Half-sample symmetric: ... b a | a b c ... c b a | a b ... */
	private static int reflect(final int i, final int n) {
		final int period = 2 * n;
		int r = i % period;
		if (r < 0) r += period;
		return r < n ? r : period - 1 - r;
	}

	private static double[] gaussianKernel() {
		final double[] k = new double[2 * RADIUS + 1];
		double sum = 0;
		for (int i = -RADIUS; i <= RADIUS; i++) {
			k[i + RADIUS] = Math.exp(-0.5 * i * i / (SIGMA * SIGMA));
			sum += k[i + RADIUS];
		}
		for (int i = 0; i < k.length; i++)
			k[i] /= sum;
		return k;
	}
}
