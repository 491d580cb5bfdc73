package org.pssr.czi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import io.airlift.compress.zstd.ZstdDecompressor;

/**
 * Reads one subblock's pixels and decodes them to the stored layout: row-major, minimal stride,
 * little-endian samples, colour as B, G, R. Reads only the subblock's header and its pixel data.
 */
final class SubBlockReader {

	private static final int MIN_FIXED = 256;
	private static final int ENTRY_OFFSET = 16;
	private static final int[] JPEG_XR_MAGIC = { 0x49, 0x49, 0xBC, 0x01 };
	/** A zstd block of at most 128 KiB takes at least 4 bytes (an RLE block). */
	private static final long ZSTD_MAX_RATIO = 32768;
	/** The longest zstd frame header: magic, descriptor, window, dictionary ID and content size. */
	private static final int ZSTD_MAX_FRAME_HEADER = 18;
	/** A 12-bit LZW code stands for at most 4096 bytes. */
	private static final long LZW_MAX_RATIO = 4096;

	private final CziInput in;
	private final ZstdDecoder zstd;

	SubBlockReader(final CziInput in, final ZstdDecoder zstd) {
		this.in = in;
		this.zstd = zstd;
	}

	/** Where a subblock's pixel data lie in the file. */
	static final class Data {

		final long position;
		final long size;

		Data(final long position, final long size) {
			this.position = position;
			this.size = size;
		}
	}

	Data locate(final SubBlockEntry e) throws IOException {
		final String what = "subblock " + e.index;
		final CziInput.Segment segment = in.segment(e.filePosition, "ZISRAWSUBBLOCK", what);
		if (segment.size < ENTRY_OFFSET + SubBlockEntry.FIXED_SIZE)
			throw in.error(what + " at offset " + e.filePosition + " is only " + segment.size +
				" bytes long");
		final ByteBuffer b = in.read(segment.payload(), ENTRY_OFFSET + SubBlockEntry.FIXED_SIZE,
			what + " header");
		final int metadataSize = b.getInt();
		final int attachmentSize = b.getInt();
		final long dataSize = b.getLong();
		final int dimensions = b.getInt(ENTRY_OFFSET + 28);
		if (dimensions < 0 || dimensions > SubBlockEntry.MAX_DIMENSIONS)
			throw in.error(what + " at offset " + e.filePosition + " has " + dimensions + " dimensions");
		final long fixed = Math.max(MIN_FIXED, ENTRY_OFFSET + SubBlockEntry.FIXED_SIZE +
			(long) SubBlockEntry.DIMENSION_SIZE * dimensions);
		if (metadataSize < 0 || attachmentSize < 0 || dataSize < 0 ||
			dataSize > segment.size - fixed - metadataSize)
			throw in.error(what + " at offset " + e.filePosition + " claims metadata " + metadataSize +
				" + data " + dataSize + " bytes, which do not fit in its " + segment.size + " bytes");
		return new Data(segment.payload() + fixed + metadataSize, dataSize);
	}

	/** Bytes of a tile of this entry in the stored layout. */
	static long tileBytes(final SubBlockEntry e, final CziPixelType type) {
		final long pixels = (long) e.storedSize('X') * e.storedSize('Y');
		return pixels > CziInput.MAX_READ ? Long.MAX_VALUE : pixels * type.bytesPerPixel();
	}

	/** Throws when this subblock needs a codec this reader lacks; reads a few bytes at most. */
	void checkDecodable(final SubBlockEntry e, final CziPixelType type) throws IOException {
		if (CziCompression.isDecodable(e.compression)) return;
		if (e.compression == CziCompression.JPEG_XR) {
			final Data data = locate(e);
			if (isRawFlaggedJpegXr(data, tileBytes(e, type))) return;
		}
		throw refusal(e);
	}

	private CziFormatException refusal(final SubBlockEntry e) {
		return in.error("subblock " + e.index + ": " + CziCompression.refusal(e.compression));
	}

	/** Some writers flag raw pixels as JPEG XR: the size is exactly the raw size and the magic is missing. */
	private boolean isRawFlaggedJpegXr(final Data data, final long expected) throws IOException {
		if (data.size != expected) return false;
		if (data.size < JPEG_XR_MAGIC.length) return true;
		final ByteBuffer magic = in.read(data.position, JPEG_XR_MAGIC.length, "JPEG XR magic");
		for (final int m : JPEG_XR_MAGIC)
			if ((magic.get() & 0xff) != m) return true;
		return false;
	}

	/**
	 * Decodes a subblock and pastes it into {@code plane} with its top-left pixel at (x, y) of the
	 * canvas. Its bytes pass through this thread's buffers ({@link Scratch}, the raw pixel buffer of
	 * {@link CziInput#readPixels}), which its next decode overwrites.
	 */
	void decodeInto(final SubBlockEntry e, final CziPixelType type, final PlaneAssembler plane,
		final long x, final long y) throws IOException
	{
		final long expectedLong = tileBytes(e, type);
		if (expectedLong > CziInput.MAX_READ)
			throw in.error("subblock " + e.index + " is " + expectedLong + " bytes, too large to read");
		final int expected = (int) expectedLong;
		final int width = e.storedSize('X');
		final int height = e.storedSize('Y');
		final Data data = locate(e);
		switch (e.compression) {
			case CziCompression.UNCOMPRESSED:
				plane.paste(raw(e, data, expected), width, height, x, y);
				return;
			case CziCompression.JPEG_XR:
				if (!isRawFlaggedJpegXr(data, expected)) throw refusal(e);
				plane.paste(raw(e, data, expected), width, height, x, y);
				return;
			case CziCompression.ZSTD0:
				checkExpansion(e, data, expected, ZSTD_MAX_RATIO);
				plane.paste(wrap(zstd(e, compressed(e, data), expected), expected), width, height, x, y);
				return;
			case CziCompression.ZSTD1:
				checkExpansion(e, data, expected, ZSTD_MAX_RATIO);
				zstd1(e, type, compressed(e, data), expected, plane, x, y);
				return;
			case CziCompression.LZW:
				checkExpansion(e, data, expected, LZW_MAX_RATIO);
				final byte[] tile = lzw(e, in.read(data.position, data.size, "pixel data of subblock " +
					e.index).array(), expected);
				plane.paste(wrap(tile, expected), width, height, x, y);
				return;
			default:
				throw refusal(e);
		}
	}

	/**
	 * Refuses a tile larger than its compressed data could ever expand to, before allocating it: a
	 * lying size must not cost gigabytes.
	 */
	private void checkExpansion(final SubBlockEntry e, final Data data, final int expected,
		final long maxRatio) throws CziFormatException
	{
		if (expected > data.size * maxRatio + 64)
			throw in.error("subblock " + e.index + ": " + data.size + " bytes of " +
				CziCompression.name(e.compression) + " data cannot hold its " + e.storedSize('X') + " x " +
				e.storedSize('Y') + " tile (" + expected + " bytes)");
	}

	/**
	 * The resolution protocol: surplus bytes are dropped, a few missing ones are zero. Less than
	 * half the tile is taken as a corrupt size, not a writer's rounding.
	 */
	private ByteBuffer raw(final SubBlockEntry e, final Data data, final int expected)
		throws IOException
	{
		if (data.size < expected / 2)
			throw in.error("subblock " + e.index + " holds " + data.size + " bytes of raw pixels, its " +
				e.storedSize('X') + " x " + e.storedSize('Y') + " tile needs " + expected);
		return in.readPixels(data.position, (int) Math.min(data.size, expected), expected,
			"pixel data of subblock " + e.index);
	}

	private static ByteBuffer wrap(final byte[] tile, final int length) {
		return ByteBuffer.wrap(tile, 0, length).slice().order(ByteOrder.LITTLE_ENDIAN);
	}

	/**
	 * The subblock's compressed bytes, in this thread's buffer ({@link Scratch#read}): from 0 to its
	 * limit.
	 */
	private ByteBuffer compressed(final SubBlockEntry e, final Data data) throws IOException {
		final String what = "pixel data of subblock " + e.index;
		if (data.size > CziInput.MAX_READ)
			throw in.error(what + " is " + data.size + " bytes, too large to read");
		final ByteBuffer buffer = Scratch.read((int) data.size);
		buffer.limit((int) data.size);
		in.readFully(data.position, buffer, what);
		return buffer.flip();
	}

	/**
	 * The zstd frames from {@code frames}' position to its limit decoded into this thread's buffer;
	 * bytes the frames leave short of {@code expected} are zero.
	 */
	private byte[] zstd(final SubBlockEntry e, final ByteBuffer frames, final int expected)
		throws CziFormatException
	{
		final byte[] tile = Scratch.decoded(expected);
		final int written;
		try {
			final long declared = declaredSize(frames);
			if (declared >= 0 && declared != expected)
				throw in.error("subblock " + e.index + ": the zstd frame holds " + declared +
					" bytes, the tile needs " + expected);
			written = zstd.decompress(frames, tile, expected);
		}
		catch (final RuntimeException ex) {
			// aircompressor reports corrupt frames with several unchecked exception types
			throw new CziFormatException(in.name() + ": subblock " + e.index +
				": corrupt zstd data (" + ex.getMessage() + ")", ex);
		}
		Arrays.fill(tile, written, expected, (byte) 0);
		return tile;
	}

	/**
	 * The size the first frame's header declares, -1 for none, as aircompressor reads it; from a
	 * copy of the header, which aircompressor reads from arrays only.
	 */
	private static long declaredSize(final ByteBuffer frames) {
		final byte[] header = new byte[Math.min(ZSTD_MAX_FRAME_HEADER, frames.remaining())];
		frames.duplicate().get(header);
		return ZstdDecompressor.getDecompressedSize(header, 0, header.length);
	}

	/**
	 * zstd1: a header, then zstd frames; with hi/lo packing the low bytes of all 16-bit samples
	 * come first, then the high bytes. Grey 16-bit tiles are unpacked straight into the canvas.
	 */
	private void zstd1(final SubBlockEntry e, final CziPixelType type, final ByteBuffer src,
		final int expected, final PlaneAssembler plane, final long x, final long y)
		throws CziFormatException
	{
		final int length = src.limit();
		if (length < 1) throw in.error("subblock " + e.index + ": empty zstd1 data");
		final int header = src.get(0) & 0xff;
		final boolean hiLo;
		if (header == 1) hiLo = false;
		else if (header == 3 && length >= 3 && src.get(1) == 1) hiLo = (src.get(2) & 1) != 0;
		else throw in.error("subblock " + e.index + ": invalid zstd1 header (size " + header + ")");
		final int width = e.storedSize('X');
		final int height = e.storedSize('Y');
		final byte[] packed = zstd(e, src.position(header), expected);
		if (!hiLo) {
			plane.paste(wrap(packed, expected), width, height, x, y);
			return;
		}
		if (type.bytesPerSample() != 2)
			throw in.error("subblock " + e.index + ": hi/lo byte packing on " + type +
				" pixels (only 16-bit types have it)");
		if (type.samples() == 1) {
			plane.pasteHiLo(packed, width, height, x, y);
			return;
		}
		final int half = expected / 2;
		final byte[] tile = new byte[expected];
		for (int i = 0; i < half; i++) {
			tile[2 * i] = packed[i];
			tile[2 * i + 1] = packed[half + i];
		}
		plane.paste(wrap(tile, expected), width, height, x, y);
	}

	private byte[] lzw(final SubBlockEntry e, final byte[] src, final int expected)
		throws CziFormatException
	{
		final byte[] tile = new byte[expected];
		try {
			LzwDecoder.decode(src, 0, src.length, tile);
		}
		catch (final LzwDecoder.LzwException ex) {
			throw in.error("subblock " + e.index + ": corrupt LZW data (" + ex.getMessage() + ")");
		}
		return tile;
	}
}
