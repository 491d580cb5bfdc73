package org.pssr.czi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Each thread's buffers for decoding, reused from plane to plane instead of new buffers of several
 * MB each (allocated and zeroed) per plane: a subblock's bytes as read from the file, in native
 * memory, which the file channel fills without the copy a Java array costs and which zstd-jni
 * decodes in place; and its decoded bytes. Buffers up to {@link #MAX_KEPT} bytes are kept; they may
 * be longer than asked for.
 */
final class Scratch {

	static final int MAX_KEPT = 64 << 20;
	private static final ThreadLocal<ByteBuffer> READ = new ThreadLocal<>();
	private static final ThreadLocal<byte[]> DECODED = new ThreadLocal<>();

	private Scratch() {}

	/** A direct little-endian buffer of at least {@code capacity} bytes, cleared. */
	static ByteBuffer read(final int capacity) {
		final ByteBuffer kept = READ.get();
		if (kept != null && kept.capacity() >= capacity) return kept.clear();
		final ByteBuffer fresh = ByteBuffer.allocateDirect(capacity).order(ByteOrder.LITTLE_ENDIAN);
		if (capacity <= MAX_KEPT) READ.set(fresh);
		return fresh;
	}

	static byte[] decoded(final int size) {
		final byte[] kept = DECODED.get();
		if (kept != null && kept.length >= size) return kept;
		final byte[] fresh = new byte[size];
		if (size <= MAX_KEPT) DECODED.set(fresh);
		return fresh;
	}
}
