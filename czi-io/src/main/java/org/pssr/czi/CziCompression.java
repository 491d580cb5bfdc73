package org.pssr.czi;

/** The compression codes of subblock directory entries, and which of them this reader decodes. */
public final class CziCompression {

	public static final int UNCOMPRESSED = 0;
	public static final int JPEG = 1;
	public static final int LZW = 2;
	public static final int JPEG_LOSSLESS = 3;
	public static final int JPEG_XR = 4;
	public static final int ZSTD0 = 5;
	public static final int ZSTD1 = 6;

	private CziCompression() {}

	public static String name(final int code) {
		switch (code) {
			case UNCOMPRESSED: return "uncompressed";
			case JPEG: return "JPEG";
			case LZW: return "LZW";
			case JPEG_LOSSLESS: return "JPEG lossless";
			case JPEG_XR: return "JPEG XR";
			case ZSTD0: return "zstd0";
			case ZSTD1: return "zstd1";
			default:
				if (code >= 100 && code < 1000) return "camera raw (" + code + ")";
				if (code >= 1000) return "system raw (" + code + ")";
				return "unknown compression " + code;
		}
	}

	/**
	 * True for codes this reader decodes from the code alone. JPEG XR is decided per subblock: some
	 * writers flag raw pixels as JPEG XR.
	 */
	static boolean isDecodable(final int code) {
		return code == UNCOMPRESSED || code == LZW || code == ZSTD0 || code == ZSTD1;
	}

	static String refusal(final int code) {
		return name(code) + " compressed subblocks are not supported by the built-in CZI reader; " +
			"open the file in Fiji with Bio-Formats (File > Import > Bio-Formats)";
	}
}
