package org.pssr.czi;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Finds the TimeStamps (CZTIMS) attachment through the attachment directory and reads its seconds. */
final class TimeStampsAttachment {

	private static final int DIRECTORY_HEADER = 256;
	private static final int ENTRY = 128;
	private static final int DATA_OFFSET = 256;

	private TimeStampsAttachment() {}

	static double[] read(final CziInput in, final long directoryPosition) throws IOException {
		final CziInput.Segment dir = in.segment(directoryPosition, "ZISRAWATTDIR", "attachment directory");
		if (dir.size < DIRECTORY_HEADER)
			throw in.error("attachment directory at offset " + directoryPosition + " is only " +
				dir.size + " bytes long");
		final ByteBuffer b = in.read(dir.payload(), dir.size, "attachment directory");
		final int count = b.getInt();
		final long fits = (dir.size - DIRECTORY_HEADER) / ENTRY;
		if (count < 0 || count > fits)
			throw in.error("attachment directory at offset " + directoryPosition + " claims " + count +
				" entries, but its " + dir.size + " bytes hold at most " + fits);
		for (int i = 0; i < count; i++) {
			final int entry = DIRECTORY_HEADER + i * ENTRY;
			b.position(entry + 12);
			final long position = b.getLong();
			b.position(entry + 40);
			final String type = CziInput.ascii(b, 8);
			final String name = CziInput.ascii(b, 80);
			if (type.equals("CZTIMS") || name.equals("TimeStamps")) return stamps(in, position);
		}
		return new double[0];
	}

	private static double[] stamps(final CziInput in, final long position) throws IOException {
		final CziInput.Segment segment = in.segment(position, "ZISRAWATTACH", "TimeStamps attachment");
		if (segment.size < DATA_OFFSET + 8)
			throw in.error("TimeStamps attachment at offset " + position + " is only " + segment.size +
				" bytes long");
		final long dataSize = in.read(segment.payload(), 8, "TimeStamps attachment header").getLong();
		final long available = segment.size - DATA_OFFSET;
		if (dataSize < 8 || dataSize > available)
			throw in.error("TimeStamps attachment at offset " + position + " claims " + dataSize +
				" bytes, its segment holds " + available);
		final ByteBuffer data = in.read(segment.payload() + DATA_OFFSET, dataSize, "TimeStamps");
		data.getInt();
		final int count = data.getInt();
		if (count < 0 || count > (dataSize - 8) / 8)
			throw in.error("TimeStamps attachment at offset " + position + " claims " + count +
				" values in " + dataSize + " bytes");
		final double[] seconds = new double[count];
		for (int i = 0; i < count; i++)
			seconds[i] = data.getDouble();
		return seconds;
	}
}
