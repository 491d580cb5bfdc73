package org.pssr.crappify.io;

/** Sample formats a movie can be written in; values are rounded and clamped into integer ranges. */
public enum PixelFormat {
	UINT8(1, 1, 0, 255), UINT16(2, 1, 0, 65535), FLOAT32(4, 3, Float.NEGATIVE_INFINITY,
		Float.POSITIVE_INFINITY);

	final int bytes;
	/** TIFF SampleFormat tag value: 1 unsigned integer, 3 IEEE float. */
	final int tiffSampleFormat;
	private final double min;
	private final double max;

	PixelFormat(final int bytes, final int tiffSampleFormat, final double min, final double max) {
		this.bytes = bytes;
		this.tiffSampleFormat = tiffSampleFormat;
		this.min = min;
		this.max = max;
	}

	public int bytesPerSample() {
		return bytes;
	}

	public int bits() {
		return bytes * 8;
	}

	/** The integer or float value stored for {@code v}. */
	double clamp(final double v) {
		if (this == FLOAT32) return v;
		if (Double.isNaN(v)) return 0;
		return Math.max(min, Math.min(max, Math.rint(v)));
	}

	public static PixelFormat ofBits(final int bits) {
		for (final PixelFormat f : values())
			if (f.bits() == bits) return f;
		throw new IllegalArgumentException("unsupported bit depth " + bits + " (use 8, 16 or 32)");
	}
}
