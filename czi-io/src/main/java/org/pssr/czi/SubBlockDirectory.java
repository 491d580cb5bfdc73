package org.pssr.czi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The ZISRAWDIRECTORY segment: every subblock's entry, read in one go. */
final class SubBlockDirectory {

	private static final int HEADER = 128;

	private SubBlockDirectory() {}

	static List<SubBlockEntry> read(final CziInput in, final long position) throws IOException {
		if (position <= 0)
			throw in.error("the file header gives no subblock directory (position " + position + ")");
		final CziInput.Segment segment = in.segment(position, "ZISRAWDIRECTORY", "subblock directory");
		if (segment.size < HEADER)
			throw in.error("subblock directory at offset " + position + " is only " + segment.size +
				" bytes long");
		final ByteBuffer b = in.read(segment.payload(), segment.size, "subblock directory");
		final int count = b.getInt();
		final long fits = (segment.size - HEADER) / SubBlockEntry.FIXED_SIZE;
		if (count < 0 || count > fits)
			throw in.error("subblock directory at offset " + position + " claims " + count +
				" entries, but its " + segment.size + " bytes hold at most " + fits);
		b.position(HEADER);
		final List<SubBlockEntry> entries = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			final String where = "directory entry " + i + " (offset " + (segment.payload() + b.position()) + ")";
			final SubBlockEntry e = SubBlockEntry.parse(b, i, in, where);
			if (e.filePosition < 0 || e.filePosition > in.length() - CziInput.SEGMENT_HEADER)
				throw in.error(where + " points to offset " + e.filePosition + ", outside the file (" +
					in.length() + " bytes)");
			entries.add(e);
		}
		return Collections.unmodifiableList(entries);
	}
}
