package org.pssr.bench.czi;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * TIFF LZW compression as libtiff writes it (early change, Clear when the table fills), for
 * {@link CziWriter} and the tests of the reader's LZW decoder.
 */
public final class LzwEncoder {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private long bits;
	private int count;

	private LzwEncoder() {}

	public static byte[] encode(final byte[] data) {
		final LzwEncoder e = new LzwEncoder();
		final Map<Integer, Integer> table = new HashMap<>();
		int width = 9;
		int next = 258;
		e.put(256, width);
		if (data.length == 0) {
			e.put(257, width);
			return e.finish();
		}
		int w = data[0] & 0xff;
		for (int i = 1; i < data.length; i++) {
			final int c = data[i] & 0xff;
			final Integer known = table.get(w << 8 | c);
			if (known != null) {
				w = known;
				continue;
			}
			e.put(w, width);
			table.put(w << 8 | c, next++);
			if (next == 4094) {
				e.put(256, width);
				table.clear();
				next = 258;
				width = 9;
			}
			else if (next > (1 << width) - 1) width++;
			w = c;
		}
		e.put(w, width);
		next++;
		if (next > (1 << width) - 1 && width < 12) width++;
		e.put(257, width);
		return e.finish();
	}

	private void put(final int code, final int width) {
		bits = bits << width | code;
		count += width;
		while (count >= 8) {
			out.write((int) (bits >>> (count - 8)) & 0xff);
			count -= 8;
		}
	}

	private byte[] finish() {
		if (count > 0) out.write((int) (bits << (8 - count)) & 0xff);
		return out.toByteArray();
	}
}
