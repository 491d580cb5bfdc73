package org.pssr.czi;

/**
 * Each thread's buffers for decoding: a subblock's compressed bytes and its decoded bytes, reused
 * from plane to plane instead of two new arrays of several MB each (allocated and zeroed) per
 * plane. Buffers up to {@link #MAX_KEPT} bytes are kept; they may be longer than asked for.
 */
final class Scratch {

	static final int MAX_KEPT = 64 << 20;
	private static final ThreadLocal<byte[][]> BUFFERS = ThreadLocal.withInitial(() -> new byte[2][]);

	private Scratch() {}

	static byte[] compressed(final int size) {
		return buffer(0, size);
	}

	static byte[] decoded(final int size) {
		return buffer(1, size);
	}

	private static byte[] buffer(final int which, final int size) {
		final byte[][] buffers = BUFFERS.get();
		final byte[] kept = buffers[which];
		if (kept != null && kept.length >= size) return kept;
		final byte[] fresh = new byte[size];
		if (size <= MAX_KEPT) buffers[which] = fresh;
		return fresh;
	}
}
