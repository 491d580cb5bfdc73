package org.pssr.crappify.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.pssr.crappify.Calibration;
import org.pssr.crappify.Movie;

/**
 * Streams planes into an uncompressed ImageJ hyperstack TIFF, the format ImageJ and Fiji open as a
 * calibrated time series without Bio-Formats. The layout is the one ImageJ itself writes (header,
 * first IFD with the "ImageJ=" description, contiguous pixel data, remaining IFDs at the end), so
 * every IFD offset is known before the first plane arrives and planes go to disk as they come.
 * Output goes to a temporary file beside the target and is moved into place only when every
 * announced plane has been written: a killed run never leaves a truncated movie under its name.
 */
public final class ImageJTiffWriter implements MovieWriter {

	private static final int ENTRIES_FIRST = 14;
	/** ImageJ's metadata tags and block types (ij.io.TiffEncoder). */
	private static final int META_DATA_BYTE_COUNTS = 50838;
	private static final int META_DATA = 50839;
	private static final int MAGIC = 0x494a494a;
	private static final int INFO = 0x696e666f;
	private static final int ENTRIES_OTHER = 11;
	private static final long CLASSIC_TIFF_LIMIT = 0xFFFFFFFFL;
	/** A multiple of every sample size. */
	private static final int CHUNK_BYTES = 1 << 20;

	private final Path target;
	private final StagedOutput output;
	private final FileChannel channel;
	private final int width;
	private final int height;
	private final int planes;
	private final PixelFormat format;
	private final long dataOffset;
	private final long planeBytes;
	/** A plane goes out through this in pieces: a whole HR frame in bytes would be another frame. */
	private final ByteBuffer chunk;
	private int written;
	private boolean finished;

	/**
	 * A single-channel time series of {@code frames} planes.
	 */
	public ImageJTiffWriter(final Path target, final long width, final long height,
		final int frames, final PixelFormat format, final Calibration calibration) throws IOException
	{
		this(target, width, height, 1, 1, frames, format, calibration, null);
	}

	/**
	 * A hyperstack; planes are then written in ImageJ's order, channel fastest, then slice, then
	 * frame.
	 */
	public ImageJTiffWriter(final Path target, final long width, final long height,
		final int channels, final int slices, final int frames, final PixelFormat format,
		final Calibration calibration) throws IOException
	{
		this(target, width, height, channels, slices, frames, format, calibration, null);
	}

	/**
	 * @param info text for ImageJ's "Info" property (Image > Show Info), e.g. how the movie was
	 *          made; null for none
	 */
	public ImageJTiffWriter(final Path target, final long width, final long height,
		final int channels, final int slices, final int frames, final PixelFormat format,
		final Calibration calibration, final String info) throws IOException
	{
		if (width < 1 || height < 1 || channels < 1 || slices < 1 || frames < 1) {
			throw new IllegalArgumentException("cannot write an empty movie (" + width + " x " + height +
				", " + channels + " channels, " + slices + " slices, " + frames + " frames)");
		}
		final long planeBytes = width * height * format.bytes;
		if (planeBytes > Integer.MAX_VALUE || width > 0xFFFF_FFFFL || height > 0xFFFF_FFFFL) {
			throw new IllegalArgumentException("a plane of " + width + " x " + height +
				" is too large for one TIFF strip");
		}
		this.target = target.toAbsolutePath();
		this.width = (int) width;
		this.height = (int) height;
		this.planes = Math.multiplyExact(Math.multiplyExact(channels, slices), frames);
		this.format = format;
		this.planeBytes = planeBytes;
		this.chunk = ByteBuffer.allocate((int) Math.min(planeBytes, CHUNK_BYTES)).order(
			ByteOrder.LITTLE_ENDIAN);
		this.output = StagedOutput.file(this.target);
		try {
			this.channel = FileChannel.open(output.path(), StandardOpenOption.WRITE);
		}
		catch (final IOException | RuntimeException e) {
			output.close();
			throw e;
		}
		try {
			final byte[] description = description(channels, slices, frames, calibration);
			final ByteBuffer head = header(description, calibration, planeBytes, info);
			this.dataOffset = head.limit();
			channel.write(head, 0);
		}
		catch (final IOException | RuntimeException e) {
			abort();
			throw e;
		}
	}

	/** Streams a whole movie, frame by frame, into {@code target} in the given format. */
	public static void save(final Movie movie, final Path target, final PixelFormat format)
		throws IOException
	{
		save(movie, target, format, null);
	}

	/**
	 * {@link #save(Movie, Path, PixelFormat)} with {@code info} as the TIFF's Info property (how it
	 * was made); null for none.
	 */
	public static void save(final Movie movie, final Path target, final PixelFormat format,
		final String info) throws IOException
	{
		try (ImageJTiffWriter out = new ImageJTiffWriter(target, movie.width(), movie.height(), 1, 1,
			movie.frames(), format, movie.calibration(), info))
		{
			for (int t = 0; t < movie.frames(); t++)
				out.write(movie.frame(t));
		}
	}

	public Path target() {
		return target;
	}

	public int planesWritten() {
		return written;
	}

	@Override
	public void write(final RandomAccessibleInterval<? extends RealType<?>> frame)
		throws IOException
	{
		if (finished) throw new IllegalStateException("writer for " + target + " is closed");
		if (written == planes) {
			throw new IllegalStateException("all " + planes + " planes of " + target +
				" are already written");
		}
		if (frame.numDimensions() != 2 || frame.dimension(0) != width || frame.dimension(1) != height) {
			throw new IllegalArgumentException("plane of " + describe(frame) + " does not fit a " +
				width + " x " + height + " movie");
		}
		chunk.clear();
		long pos = dataOffset + written * planeBytes;
		final Cursor<? extends RealType<?>> c = Views.flatIterable(frame).cursor();
		while (c.hasNext()) {
			switch (format) {
				case FLOAT32:
					while (c.hasNext() && chunk.hasRemaining())
						chunk.putFloat(c.next().getRealFloat());
					break;
				case UINT16:
					while (c.hasNext() && chunk.hasRemaining())
						chunk.putShort((short) (int) format.clamp(c.next().getRealDouble()));
					break;
				default:
					while (c.hasNext() && chunk.hasRemaining())
						chunk.put((byte) (int) format.clamp(c.next().getRealDouble()));
			}
			pos = flush(pos);
		}
		written++;
	}

	/** Writes what the chunk holds at {@code pos}; where the next chunk goes. */
	private long flush(long pos) throws IOException {
		chunk.flip();
		while (chunk.hasRemaining())
			pos += channel.write(chunk, pos);
		chunk.clear();
		return pos;
	}

	@Override
	public void close() throws IOException {
		if (finished) return;
		if (written != planes) {
			abort();
			throw new IOException("only " + written + " of " + planes + " planes were written to " +
				target + "; nothing was saved");
		}
		try {
			writeTrailingIfds();
			channel.force(false);
			channel.close();
			output.commit();
			finished = true;
		}
		catch (final IOException | RuntimeException e) {
			abort();
			throw e;
		}
	}

	@Override
	public void abort() {
		finished = true;
		try {
			channel.close();
		}
		catch (final IOException ignored) {
			// Closing is best effort; the staged file is deleted next either way.
		}
		output.close();
	}

	private ByteBuffer header(final byte[] description, final Calibration cal,
		final long planeBytes, final String info)
	{
		final int entries = ENTRIES_FIRST + (info == null ? 0 : 2);
		final int ifdSize = 2 + entries * 12 + 4;
		final int descOffset = 8 + ifdSize;
		final int resOffset = descOffset + description.length;
		final int countsOffset = resOffset + 16;
		final int metaOffset = countsOffset + 8;
		final int metaHeader = 4 + 8;
		final int metaBytes = info == null ? 0 : 2 * info.length();
		final int dataStart = info == null ? resOffset + 16 : metaOffset + metaHeader + metaBytes;
		final ByteBuffer b = ByteBuffer.allocate(dataStart).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		final long dataEnd = dataStart + planeBytes * planes;
		final long nextIfd = planes > 1 && dataEnd + (long) (planes - 1) * ifdSize(ENTRIES_OTHER) <=
			CLASSIC_TIFF_LIMIT ? dataEnd : 0;
		b.putShort((short) entries);
		commonEntries(b, dataStart, planeBytes, description.length, descOffset, resOffset);
		if (info != null) {
			// ImageJ's own metadata: byte counts of its header and of each block, then the blocks.
			entry(b, META_DATA_BYTE_COUNTS, 4, 2, countsOffset);
			entry(b, META_DATA, 1, metaHeader + metaBytes, metaOffset);
		}
		b.putInt((int) nextIfd);
		b.put(description);
		final double pw = cal.hasPixelSize() ? cal.pixelWidth() : 1;
		final double ph = cal.hasPixelSize() ? cal.pixelHeight() : 1;
		putRational(b, 1 / pw);
		putRational(b, 1 / ph);
		if (info != null) {
			b.putInt(metaHeader).putInt(metaBytes);
			b.putInt(MAGIC).putInt(INFO).putInt(1);
			// ImageJ keeps Latin-1 of the info text; anything beyond would be dropped unseen.
			for (int i = 0; i < info.length(); i++)
				b.putChar(info.charAt(i) <= 0xFF ? info.charAt(i) : '?');
		}
		b.flip();
		return b;
	}

	/**
	 * Beyond 4 GB ImageJ reads the planes from the description's image count and the contiguous
	 * layout, so the trailing IFDs are left out rather than written with offsets that overflow.
	 */
	private void writeTrailingIfds() throws IOException {
		if (planes == 1) return;
		final long dataEnd = dataOffset + planeBytes * planes;
		final int size = ifdSize(ENTRIES_OTHER);
		if (dataEnd + (long) (planes - 1) * size > CLASSIC_TIFF_LIMIT) return;
		final ByteBuffer b = ByteBuffer.allocate(size * (planes - 1)).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 1; i < planes; i++) {
			b.putShort((short) ENTRIES_OTHER);
			commonEntries(b, dataOffset + planeBytes * i, planeBytes, -1, 0, 0);
			final long next = i + 1 < planes ? dataEnd + (long) i * size : 0;
			b.putInt((int) next);
		}
		b.flip();
		long pos = dataEnd;
		while (b.hasRemaining())
			pos += channel.write(b, pos);
	}

	private static int ifdSize(final int entries) {
		return 2 + entries * 12 + 4;
	}

	/** TIFF wants tags in ascending order; the first IFD adds description and resolution. */
	private void commonEntries(final ByteBuffer b, final long stripOffset, final long stripBytes,
		final int descLength, final int descOffset, final int resOffset)
	{
		final boolean first = descLength >= 0;
		entry(b, 254, 4, 1, 0);
		entry(b, 256, 4, 1, width);
		entry(b, 257, 4, 1, height);
		entry(b, 258, 3, 1, format.bits());
		entry(b, 259, 3, 1, 1);
		entry(b, 262, 3, 1, 1);
		if (first) entry(b, 270, 2, descLength, descOffset);
		entry(b, 273, 4, 1, stripOffset);
		entry(b, 277, 3, 1, 1);
		entry(b, 278, 4, 1, height);
		entry(b, 279, 4, 1, stripBytes);
		if (first) {
			entry(b, 282, 5, 1, resOffset);
			entry(b, 283, 5, 1, resOffset + 8);
		}
		entry(b, 339, 3, 1, format.tiffSampleFormat);
	}

	private static void entry(final ByteBuffer b, final int tag, final int type, final long count,
		final long value)
	{
		b.putShort((short) tag).putShort((short) type).putInt((int) count);
		if (type == 3 && count == 1) b.putShort((short) value).putShort((short) 0);
		else b.putInt((int) value);
	}

	private static void putRational(final ByteBuffer b, final double value) {
		final long den = 1_000_000L;
		final long num = Math.max(1, Math.min(0xFFFF_FFFFL, Math.round(value * den)));
		b.putInt((int) num).putInt((int) den);
	}

	private byte[] description(final int channels, final int slices, final int frames,
		final Calibration cal)
	{
		final StringBuilder s = new StringBuilder("ImageJ=1.54f\n");
		s.append("images=").append(planes).append('\n');
		if (channels > 1) s.append("channels=").append(channels).append('\n');
		if (slices > 1) s.append("slices=").append(slices).append('\n');
		if (frames > 1) s.append("frames=").append(frames).append('\n');
		if (channels > 1 || (slices > 1 && frames > 1)) s.append("hyperstack=true\n");
		if (channels > 1) s.append("mode=grayscale\n");
		if (cal.hasPixelSize()) s.append("unit=micron\n");
		if (cal.hasFrameInterval()) {
			s.append(String.format(Locale.ROOT, "finterval=%s\n", cal.frameInterval()));
		}
		s.append("loop=false\n");
		s.append('\0');
		return s.toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	private static String describe(final RandomAccessibleInterval<?> r) {
		final StringBuilder s = new StringBuilder();
		for (int d = 0; d < r.numDimensions(); d++)
			s.append(d == 0 ? "" : " x ").append(r.dimension(d));
		return s.toString();
	}
}
