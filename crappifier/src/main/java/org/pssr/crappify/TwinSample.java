package org.pssr.crappify;

/**
 * One training example of the stability method: two independent degradations {@code x1}, {@code x2}
 * of the same HR frame tuple, and the HR centre frame as {@code target}. Values are in normalised
 * units (the source movie's percentile range mapped to [0, 1]). Arrays are row-major, channels
 * (frames t-k..t+k) first: {@code x1[(c * lrHeight + y) * lrWidth + x]}.
 */
public final class TwinSample {

	private final float[] x1;
	private final float[] x2;
	private final float[] target;
	private final int frames;
	private final int lrWidth;
	private final int lrHeight;
	private final int scale;

	public TwinSample(final float[] x1, final float[] x2, final float[] target, final int frames,
		final int lrWidth, final int lrHeight, final int scale)
	{
		final int lr = frames * lrWidth * lrHeight;
		final int hr = lrWidth * scale * lrHeight * scale;
		if (x1.length != lr || x2.length != lr || target.length != hr) {
			throw new IllegalArgumentException("twin sample arrays do not match " + frames + " x " +
				lrWidth + " x " + lrHeight + " at scale " + scale);
		}
		this.x1 = x1;
		this.x2 = x2;
		this.target = target;
		this.frames = frames;
		this.lrWidth = lrWidth;
		this.lrHeight = lrHeight;
		this.scale = scale;
	}

	public float[] x1() {
		return x1;
	}

	public float[] x2() {
		return x2;
	}

	public float[] target() {
		return target;
	}

	public int frames() {
		return frames;
	}

	public int lrWidth() {
		return lrWidth;
	}

	public int lrHeight() {
		return lrHeight;
	}

	public int scale() {
		return scale;
	}

	public int hrWidth() {
		return lrWidth * scale;
	}

	public int hrHeight() {
		return lrHeight * scale;
	}
}
