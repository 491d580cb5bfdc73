package org.pssr.czi;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.util.Native;

/**
 * The native zstd library through zstd-jni. A class of its own, so that a JVM without the jar
 * fails here, inside {@link ZstdDecoder#nativeLibrary()}, and nowhere else.
 */
final class NativeZstd extends ZstdDecoder {

	/** @throws UnsatisfiedLinkError where the native library does not load */
	NativeZstd() {
		Native.load();
	}

	@Override
	public String name() {
		return "zstd-jni " + Zstd.class.getPackage().getImplementationVersion() + " (native zstd)";
	}

	@Override
	public int decompress(final byte[] src, final int srcOffset, final int srcLength,
		final byte[] dst, final int dstOffset, final int dstLength)
	{
		final long written = Zstd.decompressByteArray(dst, dstOffset, dstLength, src, srcOffset,
			srcLength);
		if (Zstd.isError(written)) throw new IllegalArgumentException("zstd: " + Zstd.getErrorName(
			written));
		return (int) written;
	}
}
