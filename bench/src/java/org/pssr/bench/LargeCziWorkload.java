package org.pssr.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.pssr.crappify.io.Folders;
import org.pssr.czi.CziPixelType;
import org.pssr.czi.CziWriter;

/**
 * CZI decoding at the size imaging cores hold: a generated time series of about 1 GB of 16-bit
 * pixels (2048 x 2048 planes), once uncompressed and once zstd1 with ZEN's hi/lo byte packing,
 * read plane by plane with {@code org.pssr.czi} against a plain read of the same file's bytes
 * (page-cached after warm-up, so both sides are CPU-bound), in alternating rounds: on this shared
 * machine one side's figure alone swings up to 3x between runs. Eight distinct planes repeat through
 * the series: decoding costs the same for each plane, and the generator stays small in memory.
 */
final class LargeCziWorkload implements Workload {

	private static final int DISTINCT = 8;

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
				// the warm-up: both sides then read from the page cache
				final long pixelBytes = CziWorkload.readAllPlanes(file);
				read(file);
				final Spread[] seconds = Interleaved.run(rounds, () -> Stopwatch.seconds(
					() -> CziWorkload.readAllPlanes(file)), () -> Stopwatch.seconds(() -> read(file)));
				final long fileBytes = Files.size(file);
				final String name = codec == CziWriter.Codec.UNCOMPRESSED ? "uncompressed" : "zstd1 (hi/lo)";
				rows.add(new Measurement(String.format(Locale.ROOT,
					"data: CZI decode %s, %.2f GB of pixels (%d planes %dx%d, generated)", name, pixelBytes /
						1e9, planes, side, side), "MB/s", Double.NaN, Double.NaN, true, String.format(
							Locale.ROOT, "reference = reading the %.2f GB file in 8 MB blocks (page-cached); " +
								"ours = open + every plane decoded; %d rounds in alternation after a warm-up",
							fileBytes / 1e9, rounds)).withSpreads(seconds[0].inverse(pixelBytes / 1e6), seconds[1]
								.inverse(fileBytes / 1e6)));
				Files.delete(file);
			}
		}
		finally {
			Folders.deleteTree(dir);
		}
		return rows;
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
