package org.pssr.czi;

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
}
