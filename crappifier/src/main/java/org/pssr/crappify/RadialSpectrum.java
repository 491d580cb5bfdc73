package org.pssr.crappify;

/**
 * The power spectrum of a square image, averaged over rings of equal spatial frequency: what a blur
 * changes (it takes power from the high frequencies) and white noise does not shape (it adds the same
 * power to every ring). The image is windowed (Hann) so that its borders do not add power, and its
 * mean is taken off first. Side a power of two.
 */
final class RadialSpectrum {

	private RadialSpectrum() {}

	/**
	 * @param image row-major, {@code n x n}, {@code n} a power of two
	 * @return power per ring {@code k = 0 .. n/2 - 1}, ring 0 (the mean) zero
	 */
	static double[] of(final float[] image, final int n) {
		double mean = 0;
		for (final float v : image)
			mean += v;
		mean /= image.length;
		final double[] re = new double[n * n];
		final double[] im = new double[n * n];
		for (int y = 0; y < n; y++)
			for (int x = 0; x < n; x++)
				re[y * n + x] = (image[y * n + x] - mean) * hann(x, n) * hann(y, n);
		transform2d(re, im, n);
		final double[] power = new double[n / 2];
		final int[] count = new int[n / 2];
		for (int y = 0; y < n; y++)
			for (int x = 0; x < n; x++) {
				final int fy = y <= n / 2 ? y : y - n;
				final int fx = x <= n / 2 ? x : x - n;
				final int k = (int) Math.round(Math.sqrt(fx * fx + fy * fy));
				if (k == 0 || k >= n / 2) continue;
				power[k] += re[y * n + x] * re[y * n + x] + im[y * n + x] * im[y * n + x];
				count[k]++;
			}
		for (int k = 1; k < power.length; k++)
			power[k] /= Math.max(1, count[k]) * (double) n * n;
		return power;
	}

	/**
	 * The power white noise of variance {@code variance} adds to every ring of {@link #of}: the
	 * variance times the window's mean square.
	 */
	static double whiteNoise(final double variance, final int n) {
		double energy = 0;
		for (int i = 0; i < n; i++)
			energy += hann(i, n) * hann(i, n);
		return variance * (energy / n) * (energy / n);
	}

	private static double hann(final int i, final int n) {
		return 0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 0.5) / n);
	}

	private static void transform2d(final double[] re, final double[] im, final int n) {
		final double[] rowRe = new double[n];
		final double[] rowIm = new double[n];
		for (int y = 0; y < n; y++) {
			System.arraycopy(re, y * n, rowRe, 0, n);
			System.arraycopy(im, y * n, rowIm, 0, n);
			transform(rowRe, rowIm);
			System.arraycopy(rowRe, 0, re, y * n, n);
			System.arraycopy(rowIm, 0, im, y * n, n);
		}
		for (int x = 0; x < n; x++) {
			for (int y = 0; y < n; y++) {
				rowRe[y] = re[y * n + x];
				rowIm[y] = im[y * n + x];
			}
			transform(rowRe, rowIm);
			for (int y = 0; y < n; y++) {
				re[y * n + x] = rowRe[y];
				im[y * n + x] = rowIm[y];
			}
		}
	}

	/** In-place radix-2 Cooley-Tukey; the length a power of two. */
	private static void transform(final double[] re, final double[] im) {
		final int n = re.length;
		for (int i = 1, j = 0; i < n; i++) {
			int bit = n >> 1;
			for (; (j & bit) != 0; bit >>= 1)
				j ^= bit;
			j ^= bit;
			if (i < j) {
				double t = re[i];
				re[i] = re[j];
				re[j] = t;
				t = im[i];
				im[i] = im[j];
				im[j] = t;
			}
		}
		for (int len = 2; len <= n; len <<= 1) {
			final double angle = -2 * Math.PI / len;
			final double wRe = Math.cos(angle);
			final double wIm = Math.sin(angle);
			for (int i = 0; i < n; i += len) {
				double curRe = 1;
				double curIm = 0;
				for (int j = 0; j < len / 2; j++) {
					final int a = i + j;
					final int b = i + j + len / 2;
					final double tRe = re[b] * curRe - im[b] * curIm;
					final double tIm = re[b] * curIm + im[b] * curRe;
					re[b] = re[a] - tRe;
					im[b] = im[a] - tIm;
					re[a] += tRe;
					im[a] += tIm;
					final double next = curRe * wRe - curIm * wIm;
					curIm = curRe * wIm + curIm * wRe;
					curRe = next;
				}
			}
		}
	}
}
