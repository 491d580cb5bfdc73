package org.pssr.czi;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.Map;

/** Opens CZI bytes and decodes every plane of every scene, as a user of the reader would. */
final class CziReading {

	private CziReading() {}

	static CziFile open(final byte[] bytes) throws IOException {
		return CziFile.open(CziInput.of(bytes, "test.czi"));
	}

	/** @return the number of planes decoded */
	static int readAll(final byte[] bytes) throws IOException {
		int planes = 0;
		try (CziFile czi = open(bytes)) {
			for (final CziScene s : czi.scenes()) {
				czi.requireDecodable(s.index());
				for (final Map<Character, Integer> p : s.planes()) {
					czi.readPlane(s.index(), p);
					planes++;
				}
			}
		}
		return planes;
	}

	/**
	 * Reads hostile bytes, which may succeed or fail with a CziFormatException but with nothing else.
	 *
	 * @return true when the bytes decoded, false when they were refused
	 */
	static boolean readOrRefuse(final byte[] bytes, final String what) {
		try {
			readAll(bytes);
			return true;
		}
		catch (final CziFormatException e) {
			return false;
		}
		catch (final IOException | RuntimeException | OutOfMemoryError e) {
			return fail(what + ": " + e, e);
		}
	}
}
