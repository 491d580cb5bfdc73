package org.pssr.czi;

/**
 * TIFF-style LZW as Bio-Formats and czifile read it in CZI: MSB-first codes of 9 to 12 bits,
 * Clear 256, EOI 257, the code width growing one code early (at 511, 1023, 2047).
 */
final class LzwDecoder {

	private static final int CLEAR = 256;
	private static final int EOI = 257;
	private static final int FIRST = 258;
	private static final int TABLE = 4096;

	private LzwDecoder() {}

	/**
	 * Decodes into {@code out}, stopping at EOI, at the end of the input or when {@code out} is full.
	 *
	 * @return the number of bytes written
	 */
	static int decode(final byte[] in, final int offset, final int length, final byte[] out)
		throws LzwException
	{
		final int[] prefix = new int[TABLE];
		final byte[] suffix = new byte[TABLE];
		final byte[] first = new byte[TABLE];
		final int[] len = new int[TABLE];
		for (int i = 0; i < 256; i++) {
			suffix[i] = (byte) i;
			first[i] = (byte) i;
			len[i] = 1;
		}
		final long bitEnd = 8L * length;
		long bit = 0;
		int width = 9;
		int next = FIRST;
		int old = -1;
		int written = 0;
		while (written < out.length && bit + width <= bitEnd) {
			int code = 0;
			for (int k = 0; k < width; k++, bit++) {
				final int b = in[offset + (int) (bit >>> 3)] >>> (7 - (int) (bit & 7)) & 1;
				code = code << 1 | b;
			}
			if (code == EOI) break;
			if (code == CLEAR) {
				width = 9;
				next = FIRST;
				old = -1;
				continue;
			}
			if (old < 0) {
				if (code > 255) throw new LzwException("code " + code + " follows a clear code");
				out[written++] = (byte) code;
				old = code;
				continue;
			}
			final int string;
			final byte firstByte;
			if (code < next) {
				string = code;
				firstByte = first[code];
			}
			else if (code == next) {
				string = -1;
				firstByte = first[old];
			}
			else throw new LzwException("code " + code + " is not yet in the table (next " + next + ")");
			if (next < TABLE) {
				prefix[next] = old;
				suffix[next] = firstByte;
				first[next] = first[old];
				len[next] = len[old] + 1;
				next++;
			}
			written = emit(string < 0 ? next - 1 : string, prefix, suffix, len, out, written);
			if (next + 1 >= 1 << width && width < 12) width++;
			old = code;
		}
		return written;
	}

	/** Writes the table string of {@code code}, clipped to the output. */
	private static int emit(final int code, final int[] prefix, final byte[] suffix, final int[] len,
		final byte[] out, final int written)
	{
		final int n = len[code];
		int c = code;
		for (int i = n - 1; i >= 0; i--) {
			if (written + i < out.length) out[written + i] = suffix[c];
			c = prefix[c];
		}
		return Math.min(out.length, written + n);
	}

	static final class LzwException extends Exception {

		private static final long serialVersionUID = 1L;

		LzwException(final String message) {
			super(message);
		}
	}
}
