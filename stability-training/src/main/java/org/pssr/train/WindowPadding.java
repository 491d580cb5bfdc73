package org.pssr.train;

import org.pssr.crappify.Mirror;

/**
 * Fits windows of any size to a network that needs sides divisible by some multiple: mirror
 * padding (without repeating the edge pixel) at the bottom and right, and cropping of the output.
 * Shared by every engine's {@link SuperResolutionModel}.
 */
public final class WindowPadding {

	private WindowPadding() {}

	/**
	 * @throws IllegalArgumentException unless {@code input} holds {@code n} windows of {@code frames x
	 *           height x width}
	 */
	public static void requireWindows(final float[] input, final int n, final int frames,
		final int height, final int width)
	{
		if (n < 1 || height < 1 || width < 1 || input.length != (long) n * frames * height * width) {
			throw new IllegalArgumentException("input holds " + input.length + " values, not " + n + " x " +
				frames + " x " + height + " x " + width);
		}
	}

	/** {@code size} rounded up to a multiple of {@code multiple}. */
	public static int padded(final int size, final int multiple) {
		return (size + multiple - 1) / multiple * multiple;
	}

	/** {@code planes} planes of {@code h x w} mirror-padded to {@code ph x pw}. */
	public static float[] pad(final float[] in, final int planes, final int h, final int w,
		final int ph, final int pw)
	{
		if (ph == h && pw == w) return in;
		final float[] out = new float[planes * ph * pw];
		for (int p = 0; p < planes; p++) {
			for (int y = 0; y < ph; y++) {
				final int sy = Mirror.index(y, h);
				for (int x = 0; x < pw; x++) {
					out[(p * ph + y) * pw + x] = in[(p * h + sy) * w + Mirror.index(x, w)];
				}
			}
		}
		return out;
	}

	/** The top-left {@code h x w} of each of {@code planes} planes of {@code ph x pw}. */
	public static float[] crop(final float[] in, final int planes, final int ph, final int pw,
		final int h, final int w)
	{
		if (ph == h && pw == w) return in;
		final float[] out = new float[planes * h * w];
		for (int p = 0; p < planes; p++) {
			for (int y = 0; y < h; y++) {
				System.arraycopy(in, (p * ph + y) * pw, out, (p * h + y) * w, w);
			}
		}
		return out;
	}
}
