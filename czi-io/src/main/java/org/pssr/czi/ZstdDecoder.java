package org.pssr.czi;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import io.airlift.compress.zstd.ZstdDecompressor;

/**
 * Decodes zstd frames: with the native zstd library (zstd-jni, whose jar carries it for Linux,
 * Windows and macOS) where it loads, else with aircompressor's pure-Java decoder. System property
 * {@value #PROPERTY}: {@code auto} (the default: native where it loads) or {@code java}.
 */
public abstract class ZstdDecoder {

	public static final String PROPERTY = "pssr.zstd";

	private static final ZstdDecoder PURE_JAVA = new PureJava();
	private static Optional<ZstdDecoder> nativeLibrary;
	private static String nativeFailure;

	ZstdDecoder() {}

	/** What decodes, for logs and the benchmark's notes. */
	public abstract String name();

	/**
	 * Decodes the frames from {@code frames}' position to its limit (a direct buffer, as a subblock
	 * is read, or an array's) into {@code dst} from 0, at most {@code dstLength} bytes; leaves
	 * {@code frames}' position as it was.
	 *
	 * @return the bytes written
	 * @throws RuntimeException for corrupt data, or more than {@code dstLength} bytes
	 */
	public abstract int decompress(ByteBuffer frames, byte[] dst, int dstLength);

	/** The decoder {@link #PROPERTY} asks for. */
	public static ZstdDecoder preferred() {
		return choose(System.getProperty(PROPERTY, "auto"), ZstdDecoder::nativeLibrary);
	}

	/**
	 * @param setting {@code auto}: the native library where it loads; {@code java}: aircompressor
	 * @throws IllegalArgumentException for any other setting
	 */
	static ZstdDecoder choose(final String setting, final Supplier<Optional<ZstdDecoder>> nativeLoader) {
		switch (setting.trim().toLowerCase(Locale.ROOT)) {
			case "auto":
				return nativeLoader.get().orElse(PURE_JAVA);
			case "java":
				return PURE_JAVA;
			default:
				throw new IllegalArgumentException("-D" + PROPERTY + "=" + setting +
					" is not a zstd decoder: use auto (native where it loads) or java");
		}
	}

	/** aircompressor's decoder, pure Java: the fallback. */
	public static ZstdDecoder pureJava() {
		return PURE_JAVA;
	}

	/** The native library, loaded on first use; empty where it does not load ({@link #nativeFailure}). */
	public static synchronized Optional<ZstdDecoder> nativeLibrary() {
		if (nativeLibrary == null) {
			try {
				nativeLibrary = Optional.of(new NativeZstd());
			}
			catch (final LinkageError | RuntimeException e) {
				// no jar (a Fiji without zstd-jni), no native for this platform, or a temporary folder
				// it cannot be unpacked into and loaded from: the pure-Java decoder does the work
				nativeFailure = String.valueOf(e);
				nativeLibrary = Optional.empty();
			}
		}
		return nativeLibrary;
	}

	/** Why the native library did not load; null when it did or was not tried. */
	public static synchronized String nativeFailure() {
		return nativeFailure;
	}

	private static final class PureJava extends ZstdDecoder {

		@Override
		public String name() {
			return "aircompressor (pure Java)";
		}

		@Override
		public int decompress(final ByteBuffer frames, final byte[] dst, final int dstLength) {
			final ByteBuffer out = ByteBuffer.wrap(dst, 0, dstLength);
			new ZstdDecompressor().decompress(frames.duplicate(), out);
			return out.position();
		}
	}
}
