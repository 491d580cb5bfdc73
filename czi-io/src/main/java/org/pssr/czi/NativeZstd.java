package org.pssr.czi;

import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.util.Native;

/**
 * The native zstd library through zstd-jni. A class of its own, so that a JVM without the jar
 * fails here, inside {@link ZstdDecoder#nativeLibrary()}, and nowhere else.
 */
final class NativeZstd extends ZstdDecoder {

	/** Frees a thread's context once the thread is gone: zstd-jni frees it only when closed. */
	private static final Cleaner CONTEXTS_OF_ENDED_THREADS = Cleaner.create();

	/**
	 * Each thread's decoding context, reused: zstd-jni's one-shot calls create and free one (native
	 * state of about 100 KB) per plane.
	 */
	private final ThreadLocal<ZstdDecompressCtx> contexts = ThreadLocal.withInitial(() -> {
		final ZstdDecompressCtx context = new ZstdDecompressCtx();
		CONTEXTS_OF_ENDED_THREADS.register(Thread.currentThread(), context::close);
		return context;
	});

	/** @throws UnsatisfiedLinkError where the native library does not load */
	NativeZstd() {
		Native.load();
	}

	@Override
	public String name() {
		return "zstd-jni " + Zstd.class.getPackage().getImplementationVersion() + " (native zstd)";
	}

	@Override
	public int decompress(final ByteBuffer frames, final byte[] dst, final int dstLength) {
		final ZstdDecompressCtx context = contexts.get();
		try {
			if (frames.isDirect()) return context.decompressDirectByteBufferToByteArray(dst, 0, dstLength,
				frames, frames.position(), frames.remaining());
			return context.decompressByteArray(dst, 0, dstLength, frames.array(), frames.arrayOffset() +
				frames.position(), frames.remaining());
		}
		catch (final ZstdException e) {
			throw new IllegalArgumentException("zstd: " + e.getMessage(), e);
		}
	}
}
