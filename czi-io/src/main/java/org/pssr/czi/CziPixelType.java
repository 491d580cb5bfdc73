package org.pssr.czi;

/** The pixel types of a subblock directory entry that this reader decodes. */
public enum CziPixelType {

	GRAY8(0, 1, 1), GRAY16(1, 2, 1), GRAY32_FLOAT(2, 4, 1), BGR24(3, 1, 3), BGR48(4, 2, 3),
	BGR96_FLOAT(8, 4, 3);

	private final int code;
	private final int bytesPerSample;
	private final int samples;

	CziPixelType(final int code, final int bytesPerSample, final int samples) {
		this.code = code;
		this.bytesPerSample = bytesPerSample;
		this.samples = samples;
	}

	public int code() {
		return code;
	}

	public int bytesPerSample() {
		return bytesPerSample;
	}

	/** 1 for grey, 3 for colour (stored B, G, R; read as R, G, B). */
	public int samples() {
		return samples;
	}

	public int bytesPerPixel() {
		return bytesPerSample * samples;
	}

	public boolean isFloat() {
		return this == GRAY32_FLOAT || this == BGR96_FLOAT;
	}

	/** @return the pixel type with this code, or null when this reader does not decode it */
	static CziPixelType fromCode(final int code) {
		for (final CziPixelType t : values())
			if (t.code == code) return t;
		return null;
	}

	/** A readable name for any code, decodable or not, for messages. */
	static String describe(final int code) {
		switch (code) {
			case 9: return "Bgra32";
			case 10: return "Gray64ComplexFloat";
			case 11: return "Bgr192ComplexFloat";
			case 12: return "Gray32";
			case 13: return "Gray64Float";
			default:
				final CziPixelType t = fromCode(code);
				return t == null ? "unknown pixel type " + code : t.name();
		}
	}
}
