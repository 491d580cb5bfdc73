package org.pssr.crappify.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The chain of image directories of a TIFF, walked once before any reader trusts it. TIFF readers
 * (ImageJ's among them) follow the chain and allocate every field's values as the file declares
 * them: a chain that loops never ends, and a field that claims billions of values allocates
 * gigabytes and then reads them a byte at a time. A damaged or hostile file is refused here with
 * the reason instead.
 */
public final class TiffDirectories {

	/** A directory holds its entry count, at least one 12-byte entry and the next offset. */
	private static final int SMALLEST_DIRECTORY = 2 + 12 + 4;

	private TiffDirectories() {}

	/**
	 * @return the byte order the file is written in
	 * @throws IOException naming the file and what is wrong with it
	 */
	public static ByteOrder check(final Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file)) {
			final long size = channel.size();
			final ByteBuffer head = read(file, channel, 0, 8, ByteOrder.LITTLE_ENDIAN);
			final ByteOrder order;
			if (head.get(0) == 'I' && head.get(1) == 'I') order = ByteOrder.LITTLE_ENDIAN;
			else if (head.get(0) == 'M' && head.get(1) == 'M') order = ByteOrder.BIG_ENDIAN;
			else throw bad(file, "not a TIFF file");
			head.order(order);
			final int magic = head.getShort(2) & 0xFFFF;
			if (magic == 43) throw bad(file, "BigTIFF is not supported");
			if (magic != 42) throw bad(file, "not a TIFF file");
			final Set<Long> seen = new HashSet<>();
			long at = head.getInt(4) & 0xFFFFFFFFL;
			while (at != 0) {
				if (!seen.add(at) || seen.size() > size / SMALLEST_DIRECTORY) throw bad(file,
					"its image directories form a loop");
				if (at + 2 > size) throw cutShort(file, at);
				final int entries = read(file, channel, at, 2, order).getShort() & 0xFFFF;
				final ByteBuffer d = read(file, channel, at + 2, entries * 12 + 4, order);
				for (int e = 0; e < entries; e++) {
					final long count = d.getInt(e * 12 + 4) & 0xFFFFFFFFL;
					if (count * typeSize(d.getShort(e * 12 + 2) & 0xFFFF) > size) throw bad(file,
						"field " + (d.getShort(e * 12) & 0xFFFF) + " claims " + count +
							" values, more than the file holds");
				}
				at = d.getInt(entries * 12) & 0xFFFFFFFFL;
			}
			if (seen.isEmpty()) throw bad(file, "no image in the file");
			return order;
		}
	}

	/** Bytes per value of a TIFF field type; unknown types count as one byte. */
	private static long typeSize(final int type) {
		switch (type) {
			case 3: case 8: return 2;
			case 4: case 9: case 11: case 13: return 4;
			case 5: case 10: case 12: case 16: case 17: case 18: return 8;
			default: return 1;
		}
	}

	private static ByteBuffer read(final Path file, final FileChannel channel, final long position,
		final int length, final ByteOrder order) throws IOException
	{
		final ByteBuffer b = ByteBuffer.allocate(length).order(order);
		long pos = position;
		while (b.hasRemaining()) {
			if (channel.read(b, pos) < 0) throw cutShort(file, pos);
			pos = position + b.position();
		}
		return b.flip();
	}

	private static IOException cutShort(final Path file, final long at) {
		return bad(file, "the file is cut short: it refers to byte " + at + " but ends before it (an " +
			"interrupted copy or save?)");
	}

	private static IOException bad(final Path file, final String why) {
		return new IOException(file + ": " + why);
	}
}
