package org.pssr.czi;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Bounds-checked positional reads of a CZI file. Positional reads on a {@link FileChannel} do not
 * move a shared file pointer, so different threads may read at once.
 */
final class CziInput implements Closeable {

	static final int SEGMENT_HEADER = 32;

	/** Largest single read: one subblock, the directory or the XML; keeps a lying size from allocating gigabytes. */
	static final int MAX_READ = Integer.MAX_VALUE - 64;

	private final Source source;
	private final long length;
	private final String name;

	CziInput(final Source source, final String name) throws IOException {
		this.source = source;
		this.length = source.size();
		this.name = name;
	}

	static CziInput open(final Path path) throws IOException {
		final FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
		try {
			return new CziInput(new Source() {

				@Override
				public long size() throws IOException {
					return channel.size();
				}

				@Override
				public int read(final ByteBuffer dst, final long position) throws IOException {
					return channel.read(dst, position);
				}

				@Override
				public void close() throws IOException {
					channel.close();
				}
			}, String.valueOf(path.getFileName()));
		}
		catch (final IOException | RuntimeException e) {
			channel.close();
			throw e;
		}
	}

	/** Bytes in memory as a file, for tests that make or mutate CZI bytes. */
	static CziInput of(final byte[] bytes, final String name) throws IOException {
		return new CziInput(new Source() {

			@Override
			public long size() {
				return bytes.length;
			}

			@Override
			public int read(final ByteBuffer dst, final long position) {
				if (position >= bytes.length) return -1;
				final int n = (int) Math.min(dst.remaining(), bytes.length - position);
				dst.put(bytes, (int) position, n);
				return n;
			}

			@Override
			public void close() {}
		}, name);
	}

	long length() {
		return length;
	}

	String name() {
		return name;
	}

	CziFormatException error(final String message) {
		return new CziFormatException(name + ": " + message);
	}

	/** Reads exactly {@code size} bytes at {@code position}, little-endian. */
	ByteBuffer read(final long position, final long size, final String what) throws IOException {
		if (position < 0 || size < 0 || size > MAX_READ || position > length - size)
			throw error(what + " (" + size + " bytes at offset " + position + ") lies outside the file (" +
				length + " bytes)");
		final ByteBuffer buffer = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
		while (buffer.hasRemaining()) {
			if (source.read(buffer, position + buffer.position()) < 0)
				throw error(what + " at offset " + position + " is cut off: the file ends early");
		}
		buffer.flip();
		return buffer;
	}

	/**
	 * Fills {@code dst} from its position to its limit with the bytes at {@code position} of the
	 * file; its position ends at its limit.
	 */
	void readFully(final long position, final ByteBuffer dst, final String what) throws IOException {
		final int size = dst.remaining();
		if (position < 0 || position > length - size)
			throw error(what + " (" + size + " bytes at offset " + position + ") lies outside the file (" +
				length + " bytes)");
		final int start = dst.position();
		while (dst.hasRemaining()) {
			if (source.read(dst, position + dst.position() - start) < 0)
				throw error(what + " at offset " + position + " is cut off: the file ends early");
		}
	}

	/**
	 * Reads {@code size} bytes at {@code position} into a direct buffer of {@code capacity} bytes,
	 * zero beyond {@code size}. Reading straight into native memory saves a copy of every raw pixel;
	 * the buffer is this thread's ({@link Scratch#read}) and is overwritten by its next read.
	 */
	ByteBuffer readPixels(final long position, final int size, final int capacity, final String what)
		throws IOException
	{
		if (size < 0 || size > capacity)
			throw error(what + " (" + size + " bytes at offset " + position + ") lies outside the file (" +
				length + " bytes)");
		final ByteBuffer buffer = Scratch.read(capacity);
		buffer.limit(size);
		readFully(position, buffer, what);
		buffer.limit(capacity);
		while (buffer.hasRemaining())
			buffer.put((byte) 0);
		buffer.flip();
		return buffer;
	}

	/** Reads and checks a segment header; the payload starts 32 bytes after {@code position}. */
	Segment segment(final long position, final String expectedId, final String what) throws IOException {
		final ByteBuffer b = read(position, SEGMENT_HEADER, what + " segment header");
		final String id = ascii(b, 16);
		if (!id.equals(expectedId))
			throw error(what + " at offset " + position + " should start with '" + expectedId +
				"' but starts with '" + printable(id) + "'");
		final long allocated = b.getLong();
		final long used = b.getLong();
		final long payloadEnd = length - position - SEGMENT_HEADER;
		if (allocated < 0 || allocated > payloadEnd)
			throw error(what + " at offset " + position + " claims " + allocated +
				" bytes, more than the " + payloadEnd + " bytes left in the file");
		if (used < 0 || used > allocated)
			throw error(what + " at offset " + position + " uses " + used + " of " + allocated +
				" allocated bytes");
		return new Segment(position, used == 0 ? allocated : used);
	}

	/** Reads a NUL-padded ASCII field of {@code size} bytes. */
	static String ascii(final ByteBuffer b, final int size) {
		final byte[] bytes = new byte[size];
		b.get(bytes);
		int n = 0;
		while (n < size && bytes[n] != 0) n++;
		return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
	}

	static String printable(final String s) {
		final StringBuilder sb = new StringBuilder();
		for (final char c : s.toCharArray())
			sb.append(c >= 32 && c < 127 ? c : '?');
		return sb.toString();
	}

	@Override
	public void close() throws IOException {
		source.close();
	}

	/** Positional reads that do not move a shared file pointer. */
	interface Source extends Closeable {

		long size() throws IOException;

		int read(ByteBuffer dst, long position) throws IOException;
	}

	/** A segment's position and the number of payload bytes in use. */
	static final class Segment {

		final long position;
		final long size;

		Segment(final long position, final long size) {
			this.position = position;
			this.size = size;
		}

		long payload() {
			return position + SEGMENT_HEADER;
		}
	}
}
