package org.pssr.czi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import org.pssr.bench.czi.LzwEncoder;

/** The LZW decoder on more data than a feature file holds: the code table fills and restarts. */
class LzwDecoderTest {

	@Test
	void handlesFullTablesAndClearCodes() throws Exception {
		final SplittableRandom rng = new SplittableRandom(7);
		final byte[] data = new byte[200_000];
		for (int i = 0; i < data.length; i++)
			data[i] = (byte) (i % 1000 < 500 ? rng.nextInt(256) : i / 7);
		final byte[] lzw = LzwEncoder.encode(data);
		final byte[] out = new byte[data.length];
		assertEquals(data.length, LzwDecoder.decode(lzw, 0, lzw.length, out));
		assertArrayEquals(data, out);
	}
}
