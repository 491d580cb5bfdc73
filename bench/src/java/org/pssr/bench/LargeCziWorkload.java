package org.pssr.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.github.luben.zstd.Zstd;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ShortArray;

import org.pssr.crappify.io.Folders;
import org.pssr.czi.CziFile;
import org.pssr.czi.CziPixelType;
import org.pssr.bench.czi.CziWriter;
import org.pssr.czi.ZstdDecoder;

/**
 * CZI decoding at the size imaging cores hold, against what a user would pick instead: a generated
 * time series of about 1 GB of 16-bit pixels (2048 x 2048 planes), once uncompressed and once
 * zstd1 with ZEN's hi/lo byte packing, opened and read plane by plane with {@code org.pssr.czi}
 * (planes decoded ahead on the other cores, as pssr reads a movie) and with Bio-Formats'
 * {@code ZeissCZIReader} (what Fiji opens CZI files with) in the same process, in alternating
 * rounds, after a check that both give the generated pixels. For zstd, the cost per core: our
 * whole plane decode on one thread, and aircompressor's pure-Java decoder (our fallback), each
 * against the native zstd library decoding the same frames. Eight distinct planes repeat through
 * the series: decoding costs the same for each plane, and the generator stays small in memory.
 */
final class LargeCziWorkload implements Workload {

	private static final int DISTINCT = 8;
	/** Bytes of the zstd1 header of a hi/lo plane before its zstd frame. */
	private static final int ZSTD1_HEADER = 3;

	@Override
	public String name() {
		return "czi-1gb";
	}

	@Override
	public List<Measurement> run(final BenchContext context) throws Exception {
		final int side = context.quick() ? 256 : 2048;
		final int planes = context.quick() ? 8 : 128;
		final int rounds = context.quick() ? 1 : 5;
		final byte[][] pixels = new byte[DISTINCT][];
		for (int i = 0; i < DISTINCT; i++)
			pixels[i] = plane(side, i);
		final List<Measurement> rows = new ArrayList<>();
		final Path dir = Files.createTempDirectory("pssr-bench-czi");
		try {
			for (final CziWriter.Codec codec : new CziWriter.Codec[] { CziWriter.Codec.UNCOMPRESSED,
				CziWriter.Codec.ZSTD1_HILO })
			{
				final CziWriter w = new CziWriter(CziPixelType.GRAY16).scaling(1e-7, 1e-7);
				final byte[][] encoded = new byte[DISTINCT][];
				for (int i = 0; i < DISTINCT; i++)
					encoded[i] = codec.encode(pixels[i]);
				for (int t = 0; t < planes; t++)
					w.rawTile(codec.code(), encoded[t % DISTINCT], 0, 0, side, side, 'T', t);
				final Path file = w.write(dir.resolve(codec + ".czi"));
				final String name = codec == CziWriter.Codec.UNCOMPRESSED ? "uncompressed" : "zstd1 (hi/lo)";
				requireSamePixels(file, pixels, planes);
				// the warm-up: every side then reads from the page cache
				final long pixelBytes = readAllPlanes(file, -1);
				final double readMBs = Files.size(file) / 1e6 / Stopwatch.seconds(() -> read(file));
				final Spread[] seconds = Interleaved.run(rounds, () -> Stopwatch.seconds(() -> readAllPlanes(
					file, -1)), BioFormatsCzi.available() ? () -> Stopwatch.seconds(() -> readWithBioFormats(
						file)) : null);
				final int ahead;
				try (CziFile czi = CziFile.open(file)) {
					ahead = czi.readAheadPlanes();
				}
				rows.add(Measurement.rates(String.format(Locale.ROOT,
					"data: CZI decode %s, %.2f GB of pixels (%d planes %dx%d, generated), vs Bio-Formats",
					name, pixelBytes / 1e9, planes, side, side), "MB/s", pixelBytes / 1e6, seconds,
					bioFormatsNote(String.format(Locale.ROOT, "reference = Bio-Formats %s (ZeissCZIReader, " +
						"open + openBytes of every plane into one buffer); ours = CziFile.open + readPlane of " +
						"every plane, %d planes decoded ahead, zstd by %s; both checked to give the " +
						"generated pixels; %d rounds in alternation after a warm-up; a page-cached read of " +
						"the %.2f GB file runs at %.0f MB/s", bioFormatsVersion(), ahead, ZstdDecoder
							.preferred().name(), rounds, Files.size(file) / 1e9, readMBs))));
				if (codec == CziWriter.Codec.ZSTD1_HILO) rows.addAll(zstdPerCore(file, encoded, planes,
					pixelBytes, rounds));
				Files.delete(file);
			}
		}
		finally {
			Folders.deleteTree(dir);
		}
		return rows;
	}

	/**
	 * Per core against the native zstd library decoding the same frames into one buffer: our whole
	 * plane decode (zstd, hi/lo unpacking, the plane's array) on one thread without reading ahead,
	 * and aircompressor's pure-Java decoder, our fallback, on the frames alone.
	 */
	private static List<Measurement> zstdPerCore(final Path file, final byte[][] encoded,
		final int planes, final long pixelBytes, final int rounds) throws Exception
	{
		final int plane = (int) (pixelBytes / planes);
		final byte[] out = new byte[plane];
		final boolean native_ = ZstdDecoder.nativeLibrary().isPresent();
		final Interleaved.Round nativeRound = !native_ ? null : () -> Stopwatch.seconds(() -> {
			for (int t = 0; t < planes; t++) {
				final byte[] frame = encoded[t % DISTINCT];
				final long n = Zstd.decompressByteArray(out, 0, plane, frame, ZSTD1_HEADER, frame.length -
					ZSTD1_HEADER);
				if (Zstd.isError(n) || n != plane) throw new IOException("zstd-jni: " + Zstd.getErrorName(
					n));
			}
		});
		final ZstdDecoder java = ZstdDecoder.pureJava();
		final Spread[] whole = Interleaved.run(rounds, () -> Stopwatch.seconds(() -> readAllPlanes(file,
			0)), nativeRound);
		final Spread[] fallback = Interleaved.run(rounds, () -> Stopwatch.seconds(() -> {
			for (int t = 0; t < planes; t++) {
				final byte[] frame = encoded[t % DISTINCT];
				java.decompress(ByteBuffer.wrap(frame, ZSTD1_HEADER, frame.length - ZSTD1_HEADER), out,
					plane);
			}
		}), nativeRound);
		final String how = String.format(Locale.ROOT, "one thread each, %d planes of %.1f MB; " +
			"reference = zstd-jni %s decoding the same frames into one buffer; %d rounds in alternation",
			planes, plane / 1e6, Zstd.class.getPackage().getImplementationVersion(), rounds);
		final String missing = native_ ? "" : "; the native library did not load (" + ZstdDecoder
			.nativeFailure() + ")";
		return Arrays.asList(Measurement.rates("data: zstd1 (hi/lo) plane decode per core, ours vs the " +
			"native zstd library", "MB/s", pixelBytes / 1e6, whole, "ours = CziFile.readPlane on one " +
				"thread, no reading ahead, zstd by " + ZstdDecoder.preferred().name() +
				" + hi/lo unpacking + the plane's array; " + how + missing), Measurement.rates(
					"data: zstd decode per core, pure-Java fallback (aircompressor) vs the native zstd library",
					"MB/s", pixelBytes / 1e6, fallback, "ours = aircompressor 0.27 on the frames alone; " +
						how + missing));
	}

	private static String bioFormatsNote(final String note) {
		final String why = BioFormatsCzi.unavailableReason();
		return why == null ? note : note + "; " + why;
	}

	private static String bioFormatsVersion() {
		return BioFormatsCzi.available() ? "8.0.0 (reduced, ../shared/imagej2/repo)" : "";
	}

	/**
	 * Both readers must give the generated pixels, or the rounds compare different work: the first
	 * planes (every distinct one) with pssr, and with Bio-Formats when it is there.
	 */
	private static void requireSamePixels(final Path file, final byte[][] pixels, final int planes)
		throws IOException
	{
		try (CziFile czi = CziFile.open(file)) {
			for (int t = 0; t < DISTINCT; t++)
				requireEqual(pixels[t], littleEndian(czi.readPlane(0, 0, 0, t)), "pssr", file, t);
		}
		if (!BioFormatsCzi.available()) return;
		try (BioFormatsCzi bf = BioFormatsCzi.open(file)) {
			if (bf.planes() != planes || !bf.littleEndian()) throw new IllegalStateException(
				"Bio-Formats reads " + bf.planes() + " planes of " + file.getFileName() + ", not " + planes +
					(bf.littleEndian() ? "" : ", big-endian"));
			final byte[] buffer = new byte[pixels[0].length];
			for (int t = 0; t < DISTINCT; t++)
				requireEqual(pixels[t], bf.read(bf.index(0, 0, t), buffer), "Bio-Formats", file, t);
		}
	}

	private static void requireEqual(final byte[] expected, final byte[] got, final String reader,
		final Path file, final int t)
	{
		final int at = Arrays.mismatch(expected, got);
		if (at >= 0) throw new IllegalStateException(reader + " decodes plane " + t + " of " + file
			.getFileName() + " differently: byte " + at + " is " + (at < got.length ? got[at] : "missing") +
			", not " + (at < expected.length ? expected[at] : "absent"));
	}

	private static byte[] littleEndian(final ArrayImg<?, ?> plane) {
		final short[] s = ((ShortArray) plane.update(null)).getCurrentStorageArray();
		final ByteBuffer b = ByteBuffer.allocate(2 * s.length).order(ByteOrder.LITTLE_ENDIAN);
		b.asShortBuffer().put(s);
		return b.array();
	}

	/**
	 * Opens the file and reads every plane with pssr; the pixel bytes read.
	 *
	 * @param ahead planes decoded ahead; -1: the default
	 */
	private static long readAllPlanes(final Path file, final int ahead) throws Exception {
		try (CziFile czi = CziFile.open(file)) {
			if (ahead >= 0) czi.readAhead(ahead);
			return CziWorkload.readAllPlanes(czi);
		}
	}

	/** Opens the file with Bio-Formats and reads every plane into one buffer. */
	private static void readWithBioFormats(final Path file) throws IOException {
		try (BioFormatsCzi bf = BioFormatsCzi.open(file)) {
			final byte[] buffer = new byte[bf.width() * bf.height() * 2];
			for (int i = 0; i < bf.planes(); i++)
				bf.read(i, buffer);
		}
	}

	/** A smooth pattern under shot-like noise, little-endian: compresses about as a real frame. */
	private static byte[] plane(final int side, final int seed) {
		final Random r = new Random(seed);
		final ByteBuffer b = ByteBuffer.allocate(2 * side * side).order(ByteOrder.LITTLE_ENDIAN);
		for (int y = 0; y < side; y++)
			for (int x = 0; x < side; x++) {
				final double signal = 800 + 600 * Math.sin((x + 40 * seed) / 37.0) * Math.cos(y / 53.0);
				b.putShort((short) Math.max(0, Math.round(signal + Math.sqrt(signal) * r.nextGaussian())));
			}
		return b.array();
	}

	private static void read(final Path file) throws IOException {
		final ByteBuffer block = ByteBuffer.allocateDirect(8 << 20);
		try (FileChannel c = FileChannel.open(file)) {
			while (c.read(block) >= 0)
				block.clear();
		}
	}
}
