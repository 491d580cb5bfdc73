package org.pssr.train.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class NpyTest {

	private static byte[] write(final long[] shape, final float[] v) throws IOException {
		final ByteArrayOutputStream b = new ByteArrayOutputStream();
		Npy.write(new Npy.Array(shape, v), b);
		return b.toByteArray();
	}

	@Test
	void headerIsNumPysAndAligned() throws IOException {
		final byte[] bytes = write(new long[] { 1, 2, 3 }, new float[6]);
		final String header = new String(bytes, 10, bytes.length - 10 - 24, StandardCharsets.US_ASCII);
		assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2, 3), }", header.trim());
		assertEquals(0, (bytes.length - 24) % 64, "data starts on a 64-byte boundary");
		final String one = new String(write(new long[] { 3 }, new float[3]), StandardCharsets.US_ASCII);
		assertEquals(true, one.contains("'shape': (3,)"), one);
	}

	@Test
	void roundTrips() throws IOException {
		final float[] v = { 1.5f, -2, Float.MIN_VALUE, 1e30f, 0, 7 };
		final Npy.Array a = Npy.read(new ByteArrayInputStream(write(new long[] { 2, 3 }, v)));
		assertArrayEquals(new long[] { 2, 3 }, a.shape);
		assertArrayEquals(v, a.values);
	}

	@Test
	void refusesOtherTypesAndShapeMismatch() {
		final byte[] f8 = "\u0093NUMPY\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
		final String h = "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }\n";
		final byte[] all = new byte[f8.length + 2 + h.length() + 8];
		System.arraycopy(f8, 0, all, 0, f8.length);
		all[f8.length] = (byte) h.length();
		System.arraycopy(h.getBytes(StandardCharsets.US_ASCII), 0, all, f8.length + 2, h.length());
		assertThrows(IOException.class, () -> Npy.read(new ByteArrayInputStream(all)));
		assertThrows(IllegalArgumentException.class, () -> new Npy.Array(new long[] { 2, 2 },
			new float[3]));
	}
}
