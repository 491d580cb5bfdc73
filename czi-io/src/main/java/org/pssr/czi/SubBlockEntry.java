package org.pssr.czi;

import java.nio.ByteBuffer;

/** One DV entry of the subblock directory: where a tile is, how it is coded, and its coordinates. */
final class SubBlockEntry {

	static final int FIXED_SIZE = 32;
	static final int DIMENSION_SIZE = 20;
	/** libCZI's MAXDIMENSIONS. */
	static final int MAX_DIMENSIONS = 40;

	final int index;
	final int pixelType;
	final long filePosition;
	final int compression;
	private final int present;
	private final int[] start = new int[26];
	private final int[] size = new int[26];
	private final int[] storedSize = new int[26];

	private SubBlockEntry(final int index, final int pixelType, final long filePosition,
		final int compression, final int present, final int[] start, final int[] size,
		final int[] storedSize)
	{
		this.index = index;
		this.pixelType = pixelType;
		this.filePosition = filePosition;
		this.compression = compression;
		this.present = present;
		System.arraycopy(start, 0, this.start, 0, 26);
		System.arraycopy(size, 0, this.size, 0, 26);
		System.arraycopy(storedSize, 0, this.storedSize, 0, 26);
	}

	/**
	 * Parses one entry at the buffer's position, leaving the position after it.
	 *
	 * @param where what to call this entry in messages
	 */
	static SubBlockEntry parse(final ByteBuffer b, final int index, final CziInput in,
		final String where) throws CziFormatException
	{
		if (b.remaining() < FIXED_SIZE)
			throw in.error(where + " is cut off (" + b.remaining() + " bytes left)");
		final int entryStart = b.position();
		final String schema = CziInput.ascii(b, 2);
		if (!schema.equals("DV"))
			throw in.error(where + " has schema '" + CziInput.printable(schema) +
				"'; only DV entries are supported");
		final int pixelType = b.getInt();
		final long filePosition = b.getLong();
		final int filePart = b.getInt();
		final int compression = b.getInt();
		b.position(entryStart + 28);
		final int count = b.getInt();
		if (filePart != 0)
			throw in.error(where + " is in file part " + filePart +
				"; multi-file CZIs are not supported");
		if (count < 0 || count > MAX_DIMENSIONS)
			throw in.error(where + " has " + count + " dimensions (at most " + MAX_DIMENSIONS + ")");
		if (b.remaining() < count * DIMENSION_SIZE)
			throw in.error(where + " is cut off in its " + count + " dimension entries");
		final int[] start = new int[26];
		final int[] size = new int[26];
		final int[] stored = new int[26];
		int present = 0;
		for (int d = 0; d < count; d++) {
			final int dimStart = b.position();
			final char letter = Character.toUpperCase((char) (b.get() & 0xff));
			b.position(dimStart + 4);
			final int s = b.getInt();
			final int n = b.getInt();
			b.getFloat();
			final int st = b.getInt();
			if (letter < 'A' || letter > 'Z') continue;
			final int l = letter - 'A';
			if ((present & (1 << l)) != 0)
				throw in.error(where + " names dimension " + letter + " twice");
			present |= 1 << l;
			start[l] = s;
			size[l] = n;
			stored[l] = st == 0 ? n : st;
		}
		for (final char xy : new char[] { 'X', 'Y' }) {
			final int l = xy - 'A';
			if ((present & (1 << l)) == 0)
				throw in.error(where + " has no " + xy + " dimension");
			if (size[l] <= 0 || stored[l] <= 0)
				throw in.error(where + " has " + xy + " size " + size[l] + " (stored " + stored[l] + ")");
		}
		return new SubBlockEntry(index, pixelType, filePosition, compression, present, start, size,
			stored);
	}

	boolean has(final char letter) {
		return (present & (1 << (letter - 'A'))) != 0;
	}

	/** Start of a letter, 0 when the entry does not have it. */
	int start(final char letter) {
		return start[letter - 'A'];
	}

	int size(final char letter) {
		return size[letter - 'A'];
	}

	int storedSize(final char letter) {
		return storedSize[letter - 'A'];
	}

	/** Pyramid level 0: stored at full resolution. */
	boolean isLayer0() {
		return storedSize('X') == size('X') && storedSize('Y') == size('Y');
	}

	/** Letters other than the ones that address pixels (X, Y), tiles (M) or scenes (S). */
	String planeLetters() {
		final StringBuilder sb = new StringBuilder();
		for (char c = 'A'; c <= 'Z'; c++)
			if (has(c) && c != 'X' && c != 'Y' && c != 'M' && c != 'S') sb.append(c);
		return sb.toString();
	}
}
