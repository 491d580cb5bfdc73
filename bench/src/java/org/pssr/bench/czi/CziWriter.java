package org.pssr.bench.czi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.airlift.compress.zstd.ZstdCompressor;

import org.pssr.czi.CziCompression;
import org.pssr.czi.CziPixelType;

/**
 * Writes CZI files as §1 of czi-format.md lays them out, for the benchmarks and the tests; it lives
 * with the benchmark, not in czi-io, because the plugin reads CZI and never writes it: layer-0 and pyramid subblocks with any dimension letters,
 * the codecs the reader decodes and JPEG XR, which it must refuse, XML metadata, a TimeStamps
 * attachment and a DELETED segment. Segments are 32-byte aligned and tile the file, as in every
 * sample. {@link #write} streams the file, so it may be larger than memory when subblocks share
 * their (encoded) pixel arrays.
 */
public final class CziWriter {

	private static final int SUBBLOCK_MIN_FIXED = 256;
	private static final int ENTRY_FIXED = 32;
	private static final int DIMENSION = 20;
	private static final int ATTACHMENT_ENTRY = 128;
	private static final byte[] JPEG_XR_MAGIC = { 0x49, 0x49, (byte) 0xBC, 0x01 };
	/** Content type and name of the attachments, by the index {@link #attachment} takes. */
	private static final String[][] ATTACHMENTS = { { "CZEVL", "EventList" }, { "CZTIMS",
		"TimeStamps" } };

	/** How a subblock stores its pixels. */
	public enum Codec {

		UNCOMPRESSED(CziCompression.UNCOMPRESSED),
		ZSTD0(CziCompression.ZSTD0),
		/** zstd1 with the one-byte header: no chunk, no hi/lo packing. */
		ZSTD1(CziCompression.ZSTD1),
		/** zstd1 with a chunk whose hi/lo flag is off (header 03 01 00). */
		ZSTD1_HILO_OFF(CziCompression.ZSTD1),
		/**
		 * zstd1 as ZEN writes it (header 03 01 01): the low bytes of all 16-bit samples, then the high
		 * ones.
		 */
		ZSTD1_HILO(CziCompression.ZSTD1),
		LZW(CziCompression.LZW),
		/**
		 * The JPEG XR magic 49 49 BC 01 over the raw pixels. There is no JPEG XR encoder here; the data
		 * are as long as raw pixels, so only the magic tells a reader that this is not the raw-flagged
		 * quirk below.
		 */
		JPEG_XR(CziCompression.JPEG_XR),
		/** Raw pixels flagged as JPEG XR, a ZEN quirk that readers read as uncompressed (§1.12). */
		RAW_FLAGGED_AS_JPEG_XR(CziCompression.JPEG_XR);

		private final int code;

		Codec(final int code) {
			this.code = code;
		}

		/** The directory's compression code. */
		public int code() {
			return code;
		}

		/** {@code pixels} as a subblock of this codec stores them, for {@link CziWriter#rawTile}. */
		public byte[] encode(final byte[] pixels) {
			switch (this) {
				case ZSTD0:
					return zstd(pixels);
				case ZSTD1:
					return concat(new byte[] { 1 }, zstd(pixels));
				case ZSTD1_HILO_OFF:
					return concat(new byte[] { 3, 1, 0 }, zstd(pixels));
				case ZSTD1_HILO:
					return concat(new byte[] { 3, 1, 1 }, zstd(hiLo(pixels)));
				case LZW:
					return LzwEncoder.encode(pixels);
				case JPEG_XR:
					final byte[] jxr = pixels.clone();
					System.arraycopy(JPEG_XR_MAGIC, 0, jxr, 0, JPEG_XR_MAGIC.length);
					return jxr;
				default:
					return pixels.clone();
			}
		}
	}

	private static final class Dimension {

		final char letter;
		final int start;
		final int size;
		final int storedSize;

		Dimension(final char letter, final int start, final int size, final int storedSize) {
			this.letter = letter;
			this.start = start;
			this.size = size;
			this.storedSize = storedSize;
		}
	}

	private static final class SubBlock {

		final int compression;
		final byte[] data;
		final List<Dimension> dimensions;

		SubBlock(final int compression, final byte[] data, final List<Dimension> dimensions) {
			this.compression = compression;
			this.data = data;
			this.dimensions = dimensions;
		}
	}

	private final int pixelType;
	private final List<SubBlock> subBlocks = new ArrayList<>();
	private boolean directoryFirst;
	private boolean xyLast;
	private boolean subBlockExtras;
	private boolean deletedSegment;
	private boolean usedSizeZero;
	private boolean metadataSegment = true;
	private String xml;
	private double[] scalingMetres;
	private String[] channels = new String[0];
	private double timeIncrement = Double.NaN;
	private double[] timeOffsets;
	private double[] timeStamps;

	private long directoryPosition;
	private long metadataPosition;
	private final List<Long> subBlockPositions = new ArrayList<>();

	public CziWriter(final CziPixelType pixelType) {
		this(pixelType.code());
	}

	/** @param pixelType a directory PixelType code, also one the reader does not decode */
	public CziWriter(final int pixelType) {
		this.pixelType = pixelType;
	}

	/**
	 * Adds a layer-0 subblock of {@code pixels} in the stored layout (row-major, little-endian, colour
	 * as B, G, R); {@code letters} holds letter, start pairs such as {@code 'C', 1, 'T', 0}.
	 */
	public CziWriter tile(final Codec codec, final byte[] pixels, final int x, final int y,
		final int width, final int height, final int... letters)
	{
		return add(codec.code, codec.encode(pixels), x, y, width, height, width, height, letters);
	}

	/** Adds a pyramid subblock: a {@code width x height} region stored at a lower resolution. */
	public CziWriter pyramidTile(final Codec codec, final byte[] pixels, final int x, final int y,
		final int width, final int height, final int storedWidth, final int storedHeight,
		final int... letters)
	{
		return add(codec.code, codec.encode(pixels), x, y, width, height, storedWidth, storedHeight,
			letters);
	}

	/** Adds a layer-0 subblock holding {@code data} as given under any compression code. */
	public CziWriter rawTile(final int compression, final byte[] data, final int x, final int y,
		final int width, final int height, final int... letters)
	{
		return add(compression, data, x, y, width, height, width, height, letters);
	}

	private CziWriter add(final int compression, final byte[] data, final int x, final int y,
		final int width, final int height, final int storedWidth, final int storedHeight,
		final int... letters)
	{
		final List<Dimension> dims = new ArrayList<>();
		dims.add(new Dimension('X', x, width, storedWidth));
		dims.add(new Dimension('Y', y, height, storedHeight));
		for (int i = 0; i < letters.length; i += 2)
			dims.add(new Dimension((char) letters[i], letters[i + 1], 1, 1));
		subBlocks.add(new SubBlock(compression, data, dims));
		return this;
	}

	/** Writes the directory and the metadata right after the file header, as ZEN often does. */
	public CziWriter directoryFirst() {
		directoryFirst = true;
		return this;
	}

	/** Writes X and Y after the other letters of each entry: readers must look letters up. */
	public CziWriter xyLast() {
		xyLast = true;
		return this;
	}

	/** Gives each subblock a metadata XML before its pixels and an attachment after them. */
	public CziWriter subBlockExtras() {
		subBlockExtras = true;
		return this;
	}

	/** Puts a DELETED segment, a stale copy of the first subblock, right after that subblock. */
	public CziWriter deletedSegment() {
		deletedSegment = true;
		return this;
	}

	/** Writes UsedSize 0 in every segment header, as early writers did (§1.2). */
	public CziWriter usedSizeZero() {
		usedSizeZero = true;
		return this;
	}

	/** Leaves the metadata segment out: MetadataPosition is 0. */
	public CziWriter withoutMetadata() {
		metadataSegment = false;
		return this;
	}

	/** Metres per pixel along X and Y, and between Z planes if given; 0 is uncalibrated. */
	public CziWriter scaling(final double... metres) {
		scalingMetres = metres.clone();
		return this;
	}

	public CziWriter channels(final String... names) {
		channels = names.clone();
		return this;
	}

	/** Seconds between time points as T/Positions/Interval/Increment. */
	public CziWriter timeIncrement(final double seconds) {
		timeIncrement = seconds;
		return this;
	}

	/** Seconds of each time point as T/Positions/List/Offsets. */
	public CziWriter timeOffsets(final double... seconds) {
		timeOffsets = seconds.clone();
		return this;
	}

	/** A TimeStamps (CZTIMS) attachment, after an EventList that readers must pass over. */
	public CziWriter timeStamps(final double... seconds) {
		timeStamps = seconds.clone();
		return this;
	}

	/** Replaces the metadata XML that scaling, channels and time would make. */
	public CziWriter xml(final String text) {
		xml = text;
		return this;
	}

	/** Offset of the directory segment in the file last written, for tests that corrupt one field. */
	public long directoryPosition() {
		return directoryPosition;
	}

	/** Offset of the metadata segment in the file last written; 0 without one. */
	public long metadataPosition() {
		return metadataPosition;
	}

	/** Offsets of the subblock segments in the file last written, in the order they were added. */
	public List<Long> subBlockPositions() {
		return Collections.unmodifiableList(subBlockPositions);
	}

	/** Writes the file segment by segment: only one subblock's segment is in memory at a time. */
	public Path write(final Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
			StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))
		{
			writeTo(new Sink() {

				@Override
				long size() throws IOException {
					return channel.position();
				}

				@Override
				void write(final byte[] b) throws IOException {
					final ByteBuffer buffer = ByteBuffer.wrap(b);
					while (buffer.hasRemaining())
						channel.write(buffer);
				}

				@Override
				void patch(final long segment, final byte[] payload) throws IOException {
					final ByteBuffer buffer = ByteBuffer.wrap(payload);
					long at = segment + 32;
					while (buffer.hasRemaining())
						at += channel.write(buffer, at);
				}
			});
		}
		return file;
	}

	public byte[] bytes() {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final Map<Long, byte[]> patches = new LinkedHashMap<>();
		try {
			writeTo(new Sink() {

				@Override
				long size() {
					return out.size();
				}

				@Override
				void write(final byte[] b) {
					out.write(b, 0, b.length);
				}

				@Override
				void patch(final long segment, final byte[] payload) {
					patches.put(segment, payload);
				}
			});
		}
		catch (final IOException e) {
			throw new UncheckedIOException("no I/O in memory", e);
		}
		final byte[] file = out.toByteArray();
		patches.forEach((segment, payload) -> System.arraycopy(payload, 0, file, (int) (segment + 32),
			payload.length));
		return file;
	}

	/** Where {@link #writeTo} puts the file: appended segments, and payloads rewritten in place. */
	private abstract static class Sink {

		abstract long size() throws IOException;

		abstract void write(byte[] b) throws IOException;

		/** Rewrites a payload whose positions were not known when its segment was written. */
		abstract void patch(long segment, byte[] payload) throws IOException;
	}

	private void writeTo(final Sink out) throws IOException {
		subBlockPositions.clear();
		segment(out, "ZISRAWFILE", new byte[512]);
		if (directoryFirst) writeDirectoryAndMetadata(out);
		for (int i = 0; i < subBlocks.size(); i++) {
			subBlockPositions.add(out.size());
			segment(out, "ZISRAWSUBBLOCK", subBlock(subBlocks.get(i), out.size()));
			if (i == 0 && deletedSegment) segment(out, "DELETED", subBlock(subBlocks.get(i), 0));
		}
		if (!directoryFirst) writeDirectoryAndMetadata(out);
		final List<Long> attachments = new ArrayList<>();
		long attachmentDirectory = 0;
		if (timeStamps != null) {
			attachments.add(segment(out, "ZISRAWATTACH", attachment(0, eventList())));
			attachments.add(segment(out, "ZISRAWATTACH", attachment(1, stamps())));
			attachmentDirectory = segment(out, "ZISRAWATTDIR", attachmentDirectory(attachments));
		}
		out.patch(directoryPosition, directory());
		final ByteBuffer header = buffer(512);
		header.putInt(0, 1);
		header.putLong(52, directoryPosition).putLong(60, metadataPosition).putLong(72,
			attachmentDirectory);
		out.patch(0, header.array());
	}

	private void writeDirectoryAndMetadata(final Sink out) throws IOException {
		directoryPosition = segment(out, "ZISRAWDIRECTORY", directory());
		metadataPosition = metadataSegment ? segment(out, "ZISRAWMETADATA", metadata()) : 0;
	}

	/** The directory with the subblock positions known so far; its length never depends on them. */
	private byte[] directory() {
		int size = 128;
		for (final SubBlock s : subBlocks)
			size += ENTRY_FIXED + DIMENSION * s.dimensions.size();
		final ByteBuffer dir = buffer(size);
		dir.putInt(subBlocks.size());
		dir.position(128);
		for (int i = 0; i < subBlocks.size(); i++)
			entry(dir, subBlocks.get(i), i < subBlockPositions.size() ? subBlockPositions.get(i) : 0);
		return dir.array();
	}

	private byte[] subBlock(final SubBlock s, final long position) {
		final int fixed = Math.max(SUBBLOCK_MIN_FIXED, 16 + ENTRY_FIXED + DIMENSION * s.dimensions
			.size());
		final byte[] tags = subBlockExtras ? subBlockTags(s) : new byte[0];
		final byte[] attachment = subBlockExtras ? new byte[24] : new byte[0];
		Arrays.fill(attachment, (byte) 0xA7);
		final ByteBuffer b = buffer(fixed + tags.length + s.data.length + attachment.length);
		b.putInt(tags.length).putInt(attachment.length).putLong(s.data.length);
		entry(b, s, position);
		b.position(fixed);
		b.put(tags).put(s.data).put(attachment);
		return b.array();
	}

	private static byte[] subBlockTags(final SubBlock s) {
		return String.format(Locale.ROOT, "<METADATA><Tags><StageXPosition>%d</StageXPosition>" +
			"<StageYPosition>%d</StageYPosition></Tags><DataSchema/><AttachmentSchema/></METADATA>",
			s.dimensions.get(0).start, s.dimensions.get(1).start).getBytes(StandardCharsets.UTF_8);
	}

	private void entry(final ByteBuffer b, final SubBlock s, final long position) {
		final int start = b.position();
		b.put((byte) 'D').put((byte) 'V').putInt(pixelType).putLong(position).putInt(0)
			.putInt(s.compression);
		b.position(start + 28);
		b.putInt(s.dimensions.size());
		final List<Dimension> ordered = new ArrayList<>(s.dimensions);
		if (xyLast) Collections.rotate(ordered, -2);
		for (final Dimension d : ordered) {
			b.put((byte) d.letter).put((byte) 0).put((byte) 0).put((byte) 0);
			b.putInt(d.start).putInt(d.size).putFloat(0).putInt(d.storedSize);
		}
	}

	private byte[] metadata() {
		final byte[] text = (xml != null ? xml : documentXml()).getBytes(StandardCharsets.UTF_8);
		final ByteBuffer meta = buffer(256 + text.length);
		meta.putInt(text.length);
		meta.position(256);
		meta.put(text);
		return meta.array();
	}

	private String documentXml() {
		final StringBuilder sb = new StringBuilder("<ImageDocument><Metadata>");
		if (scalingMetres != null) {
			sb.append("<Scaling><Items>");
			for (int i = 0; i < scalingMetres.length; i++)
				sb.append("<Distance Id=\"").append("XYZ".charAt(i)).append("\"><Value>").append(
					scalingMetres[i]).append("</Value><DefaultUnitFormat>µm</DefaultUnitFormat></Distance>");
			sb.append("</Items></Scaling>");
		}
		sb.append("<Information><Image><Dimensions><Channels>");
		for (int c = 0; c < channels.length; c++)
			sb.append("<Channel Id=\"Channel:").append(c).append("\" Name=\"").append(channels[c])
				.append("\"/>");
		sb.append("</Channels>");
		if (!Double.isNaN(timeIncrement)) sb.append("<T><Positions><Interval><Increment>").append(
			timeIncrement).append("</Increment></Interval></Positions></T>");
		else if (timeOffsets != null) {
			sb.append("<T><Positions><List><Offsets>");
			for (int t = 0; t < timeOffsets.length; t++)
				sb.append(t == 0 ? "" : " ").append(timeOffsets[t]);
			sb.append("</Offsets></List></Positions></T>");
		}
		return sb.append("</Dimensions></Image></Information></Metadata></ImageDocument>").toString();
	}

	private byte[] stamps() {
		final ByteBuffer b = buffer(8 + 8 * timeStamps.length);
		b.putInt(b.capacity()).putInt(timeStamps.length);
		for (final double s : timeStamps)
			b.putDouble(s);
		return b.array();
	}

	private static byte[] eventList() {
		final ByteBuffer b = buffer(8);
		b.putInt(8).putInt(0);
		return b.array();
	}

	private static byte[] attachment(final int kind, final byte[] data) {
		final ByteBuffer b = buffer(256 + data.length);
		b.putLong(data.length).putLong(0);
		attachmentEntry(b, kind, 0);
		b.position(256);
		b.put(data);
		return b.array();
	}

	private static byte[] attachmentDirectory(final List<Long> positions) {
		final ByteBuffer b = buffer(256 + ATTACHMENT_ENTRY * positions.size());
		b.putInt(positions.size());
		b.position(256);
		for (int i = 0; i < positions.size(); i++)
			attachmentEntry(b, i, positions.get(i));
		return b.array();
	}

	private static void attachmentEntry(final ByteBuffer b, final int kind, final long position) {
		final int start = b.position();
		b.put((byte) 'A').put((byte) '1');
		b.position(start + 12);
		b.putLong(position).putInt(0);
		b.position(start + 40);
		b.put(ATTACHMENTS[kind][0].getBytes(StandardCharsets.US_ASCII));
		b.position(start + 48);
		b.put(ATTACHMENTS[kind][1].getBytes(StandardCharsets.US_ASCII));
		b.position(start + ATTACHMENT_ENTRY);
	}

	private static ByteBuffer buffer(final int size) {
		return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
	}

	/** @return the position of the segment */
	private long segment(final Sink out, final String id, final byte[] payload) throws IOException {
		final long position = out.size();
		final int allocated = (payload.length + 31) / 32 * 32;
		final ByteBuffer h = buffer(32);
		h.put(id.getBytes(StandardCharsets.US_ASCII));
		h.position(16);
		h.putLong(allocated).putLong(usedSizeZero ? 0 : payload.length);
		out.write(h.array());
		out.write(payload);
		out.write(new byte[allocated - payload.length]);
		return position;
	}

	private static byte[] zstd(final byte[] data) {
		final ZstdCompressor c = new ZstdCompressor();
		final byte[] out = new byte[c.maxCompressedLength(data.length)];
		return Arrays.copyOf(out, c.compress(data, 0, data.length, out, 0, out.length));
	}

	/** All low bytes of the 16-bit samples, then all high bytes (§1.10). */
	private static byte[] hiLo(final byte[] pixels) {
		final int half = pixels.length / 2;
		final byte[] packed = new byte[pixels.length];
		for (int i = 0; i < half; i++) {
			packed[i] = pixels[2 * i];
			packed[half + i] = pixels[2 * i + 1];
		}
		return packed;
	}

	private static byte[] concat(final byte[] a, final byte[] b) {
		final byte[] out = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}
}
