package org.pssr.crappify.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Random access to the planes of an uncompressed, single-sample TIFF stack (8/16-bit unsigned,
 * 32-bit float or signed integer), as ImageJ and {@link ImageJTiffWriter} write it: plane i is read
 * from its own strips without touching the rest of the file. Stacks beyond 4 GB that ImageJ writes
 * with a single IFD (planes contiguous, count in the "ImageJ=" description) are read too. Positional
 * reads make one reader safe to share between threads.
 */
public final class TiffStackReader implements AutoCloseable {

	private static final Pattern IMAGES = Pattern.compile("(?m)^images=(\\d+)$");

	private final Path file;
	private final FileChannel channel;
	private final ByteOrder order;
	private final int width;
	private final int height;
	private final int bits;
	private final int sampleFormat;
	/** Per plane: strip offsets and byte counts. */
	private final List<long[][]> strips = new ArrayList<>();

	public TiffStackReader(final Path file) throws IOException {
		this.file = file;
		this.channel = FileChannel.open(file, StandardOpenOption.READ);
		try {
			order = TiffDirectories.check(file);
			long ifd = read(4, 4, order).getInt() & 0xFFFFFFFFL;
			Ifd first = null;
			while (ifd != 0) {
				final Ifd d = new Ifd(ifd);
				if (first == null) first = d;
				else if (d.width != first.width || d.height != first.height || d.bits != first.bits ||
					d.sampleFormat != first.sampleFormat)
				{
					throw bad("plane " + (strips.size() + 1) + " differs in size or type from the first");
				}
				strips.add(new long[][] { d.offsets, d.counts });
				ifd = d.next;
			}
			if ((long) first.width * first.height * (first.bits / 8) > Math.min(Integer.MAX_VALUE, channel
				.size())) throw bad("a " + first.width + " x " + first.height +
					" plane is larger than the file");
			width = first.width;
			height = first.height;
			bits = first.bits;
			sampleFormat = first.sampleFormat;
			if (strips.size() == 1 && first.images > 1) contiguousPlanes(first.images);
		}
		catch (final IOException | RuntimeException e) {
			channel.close();
			throw e;
		}
	}

	private void contiguousPlanes(final int images) throws IOException {
		final long planeBytes = planeBytes();
		final long start = strips.get(0)[0][0];
		if (images > channel.size() / Math.max(1, planeBytes) || start + planeBytes * images > channel
			.size())
		{
			throw bad("the description announces " + images + " planes but the file is too short");
		}
		strips.clear();
		for (int i = 0; i < images; i++) {
			strips.add(new long[][] { { start + planeBytes * i }, { planeBytes } });
		}
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	public int planes() {
		return strips.size();
	}

	public int bitsPerSample() {
		return bits;
	}

	/** Plane {@code index} (0-based), converted to float, row-major. */
	public float[] readPlane(final int index) throws IOException {
		if (index < 0 || index >= planes()) {
			throw new IndexOutOfBoundsException("plane " + index + " of " + planes() + " in " + file);
		}
		final long[][] s = strips.get(index);
		final ByteBuffer data = ByteBuffer.allocate((int) planeBytes()).order(order);
		for (int i = 0; i < s[0].length && data.hasRemaining(); i++) {
			final int n = (int) Math.min(s[1][i], data.remaining());
			final ByteBuffer part = data.slice();
			part.limit(n);
			readFully(part, s[0][i]);
			data.position(data.position() + n);
		}
		if (data.hasRemaining()) throw bad("plane " + (index + 1) + " is truncated");
		data.flip();
		final float[] out = new float[width * height];
		for (int i = 0; i < out.length; i++) {
			out[i] = sample(data);
		}
		return out;
	}

	/** Plane {@code index} as an imglib2 image backed by a fresh float[]. */
	public ArrayImg<FloatType, FloatArray> plane(final int index) throws IOException {
		return ArrayImgs.floats(readPlane(index), width, height);
	}

	private float sample(final ByteBuffer data) {
		switch (bits) {
			case 8:
				return data.get() & 0xFF;
			case 16:
				return sampleFormat == 2 ? data.getShort() : data.getShort() & 0xFFFF;
			default:
				return sampleFormat == 3 ? data.getFloat() : sampleFormat == 2 ? data.getInt() : data
					.getInt() & 0xFFFFFFFFL;
		}
	}

	private long planeBytes() {
		return (long) width * height * (bits / 8);
	}

	@Override
	public void close() throws IOException {
		channel.close();
	}

	private IOException bad(final String why) {
		return new IOException(file + ": " + why);
	}

	private ByteBuffer read(final long position, final int length, final ByteOrder byteOrder)
		throws IOException
	{
		final ByteBuffer b = ByteBuffer.allocate(length).order(byteOrder);
		readFully(b, position);
		b.flip();
		return b;
	}

	private void readFully(final ByteBuffer b, final long position) throws IOException {
		long pos = position;
		while (b.hasRemaining()) {
			final int n = channel.read(b, pos);
			if (n < 0) throw bad("unexpected end of file at byte " + pos);
			pos += n;
		}
	}

	/** One image file directory: the tags this reader needs. */
	private final class Ifd {

		int width = -1;
		int height = -1;
		int bits = 1;
		int sampleFormat = 1;
		int images = 1;
		long[] offsets;
		long[] counts;
		final long next;

		Ifd(final long position) throws IOException {
			final int entries = read(position, 2, order).getShort() & 0xFFFF;
			final ByteBuffer b = read(position + 2, entries * 12 + 4, order);
			int compression = 1;
			int samples = 1;
			for (int e = 0; e < entries; e++) {
				final int at = e * 12;
				final int tag = b.getShort(at) & 0xFFFF;
				final int type = b.getShort(at + 2) & 0xFFFF;
				final int count = b.getInt(at + 4);
				switch (tag) {
					case 256: width = (int) values(b, at, type, count)[0]; break;
					case 257: height = (int) values(b, at, type, count)[0]; break;
					case 258: bits = (int) values(b, at, type, count)[0]; break;
					case 259: compression = (int) values(b, at, type, count)[0]; break;
					case 270: images = imageCount(b, at, count); break;
					case 273: offsets = values(b, at, type, count); break;
					case 277: samples = (int) values(b, at, type, count)[0]; break;
					case 279: counts = values(b, at, type, count); break;
					case 339: sampleFormat = (int) values(b, at, type, count)[0]; break;
					default:
				}
			}
			next = b.getInt(entries * 12) & 0xFFFFFFFFL;
			if (compression != 1) throw bad("compressed TIFF (compression " + compression +
				") is not supported; save it uncompressed");
			if (samples != 1) throw bad(samples + " samples per pixel (RGB?) are not supported");
			if (bits != 8 && bits != 16 && bits != 32) throw bad(bits + "-bit samples are not supported");
			if (width < 1 || height < 1 || offsets == null || counts == null ||
				offsets.length != counts.length)
			{
				throw bad("incomplete image directory at byte " + position);
			}
		}

		private long[] values(final ByteBuffer b, final int at, final int type, final int count)
			throws IOException
		{
			final int size = type == 3 ? 2 : type == 4 ? 4 : 0;
			if (size == 0) throw bad("unexpected TIFF field type " + type);
			if (count < 1 || (long) size * count > channel.size()) throw bad("a field claims " +
				Integer.toUnsignedString(count) + " values, more than the file holds");
			final ByteBuffer v = size * count <= 4 ? b.duplicate().order(order).position(at + 8)
				.slice().order(order) : read(b.getInt(at + 8) & 0xFFFFFFFFL, size * count, order);
			final long[] out = new long[count];
			for (int i = 0; i < count; i++) {
				out[i] = size == 2 ? v.getShort(i * 2) & 0xFFFF : v.getInt(i * 4) & 0xFFFFFFFFL;
			}
			return out;
		}

		private int imageCount(final ByteBuffer b, final int at, final int count) throws IOException {
			if (count <= 4) return 1;
			if (count < 0 || count > channel.size()) throw bad("the description is longer than the file");
			final ByteBuffer text = read(b.getInt(at + 8) & 0xFFFFFFFFL, count, order);
			final Matcher m = IMAGES.matcher(StandardCharsets.ISO_8859_1.decode(text));
			if (!m.find()) return 1;
			try {
				return Integer.parseInt(m.group(1));
			}
			catch (final NumberFormatException e) {
				throw bad("the description announces " + m.group(1) + " images");
			}
		}
	}
}
