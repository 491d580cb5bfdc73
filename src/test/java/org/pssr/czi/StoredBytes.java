package org.pssr.czi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;

/** A decoded plane back in the layout the file stores it in, and its SHA-256. */
final class StoredBytes {

	private StoredBytes() {}

	/** Samples as the file stores them: little-endian, row-major, colour interleaved B, G, R. */
	static byte[] of(final ArrayImg<?, ?> img) {
		final Object data = ((ArrayDataAccess<?>) img.update(null)).getCurrentStorageArray();
		final boolean colour = img.numDimensions() == 3;
		final int area = (int) (img.dimension(0) * img.dimension(1));
		final int samples = colour ? 3 : 1;
		if (data instanceof byte[]) {
			final byte[] a = (byte[]) data;
			final ByteBuffer out = ByteBuffer.allocate(a.length);
			for (int i = 0; i < area; i++)
				for (int s = samples - 1; s >= 0; s--)
					out.put(a[s * area + i]);
			return out.array();
		}
		if (data instanceof short[]) {
			final short[] a = (short[]) data;
			final ByteBuffer out = ByteBuffer.allocate(2 * a.length).order(ByteOrder.LITTLE_ENDIAN);
			for (int i = 0; i < area; i++)
				for (int s = samples - 1; s >= 0; s--)
					out.putShort(a[s * area + i]);
			return out.array();
		}
		final float[] a = (float[]) data;
		final ByteBuffer out = ByteBuffer.allocate(4 * a.length).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < area; i++)
			for (int s = samples - 1; s >= 0; s--)
				out.putFloat(a[s * area + i]);
		return out.array();
	}

	static String sha256(final byte[] bytes) {
		final MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java platform has SHA-256", e);
		}
		final StringBuilder sb = new StringBuilder();
		for (final byte b : digest.digest(bytes))
			sb.append(String.format("%02x", b));
		return sb.toString();
	}
}
