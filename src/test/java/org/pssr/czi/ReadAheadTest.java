package org.pssr.czi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import net.imglib2.img.array.ArrayImg;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.pssr.bench.czi.CziWriter;

/**
 * Planes read one after the other are decoded ahead on other threads: the same planes as read
 * one by one, each decoded once, never more than the set number ahead, dropped on any other read,
 * a failure reported when its plane is read, and no thread left after closing.
 */
class ReadAheadTest {

	private static final int T = 12;
	private static final int SIDE = 64;

	@TempDir
	Path dir;

	/** A time series of {@link #T} zstd1 hi/lo planes, each different. */
	private Path series() throws IOException {
		final CziWriter w = new CziWriter(CziPixelType.GRAY16);
		for (int t = 0; t < T; t++) {
			final ByteBuffer b = ByteBuffer.allocate(2 * SIDE * SIDE).order(ByteOrder.LITTLE_ENDIAN);
			for (int i = 0; i < SIDE * SIDE; i++)
				b.putShort((short) (i * (t + 1) + 7 * t));
			w.tile(CziWriter.Codec.ZSTD1_HILO, b.array(), 0, 0, SIDE, SIDE, 'C', 1, 'T', t);
		}
		return w.write(dir.resolve("series.czi"));
	}

	private static List<String> readInOrder(final CziFile czi) throws IOException {
		final List<String> shas = new ArrayList<>();
		for (int t = 0; t < T; t++)
			shas.add(StoredBytes.sha256(StoredBytes.of(czi.readPlane(0, Map.of('C', 0, 'T', t)))));
		return shas;
	}

	@Test
	void planesReadAheadAreThePlanesReadOneByOne() throws IOException {
		final Path file = series();
		final List<String> serial;
		try (CziFile czi = CziFile.open(file).readAhead(0)) {
			serial = readInOrder(czi);
		}
		for (final int planes : new int[] { 1, 2, 4, 20 }) {
			try (CziFile czi = CziFile.open(file).readAhead(planes)) {
				assertEquals(planes, czi.readAheadPlanes());
				assertEquals(serial, readInOrder(czi), planes + " planes ahead");
				assertEquals(serial, readInOrder(czi), planes + " planes ahead, read again");
			}
		}
	}

	/** A decoder that counts and remembers which planes it decoded, and fails on one of them. */
	private static final class Counting implements ReadAhead.Decoder {

		final CziFile czi;
		final AtomicInteger decodes = new AtomicInteger();
		final List<Integer> decoded = Collections.synchronizedList(new ArrayList<>());
		int failing = -1;

		Counting(final CziFile czi) {
			this.czi = czi;
		}

		@Override
		public ArrayImg<?, ?> decode(final CziScene scene, final Map<Character, Integer> position)
			throws IOException
		{
			final int t = position.getOrDefault('T', 0);
			decodes.incrementAndGet();
			decoded.add(t);
			if (t == failing) throw new CziFormatException("test.czi: plane " + t + " is damaged");
			return czi.readAhead(0).readPlane(scene.index(), position);
		}
	}

	@Test
	void eachPlaneIsDecodedOnceAndNeverMoreThanTheSetNumberAhead() throws IOException {
		try (CziFile czi = CziFile.open(series())) {
			final CziScene scene = czi.scene(0);
			final Counting counting = new Counting(czi);
			try (ReadAhead ahead = new ReadAhead(counting)) {
				ahead.setPlanes(3);
				for (int t = 0; t < T; t++) {
					ahead.read(scene, Map.of('C', 0, 'T', t));
					for (final int d : new ArrayList<>(counting.decoded))
						assertTrue(d <= t + 3, "plane " + d + " decoded while plane " + t + " was read");
				}
				assertEquals(T, counting.decodes.get(), "each of the " + T + " planes once: " +
					counting.decoded);
			}
		}
	}

	@Test
	void aReadElsewhereDropsThePlanesReadAhead() throws IOException {
		try (CziFile czi = CziFile.open(series())) {
			final CziScene scene = czi.scene(0);
			final Counting counting = new Counting(czi);
			try (ReadAhead ahead = new ReadAhead(counting)) {
				ahead.setPlanes(2);
				ahead.read(scene, Map.of('C', 0, 'T', 0));
				ahead.read(scene, Map.of('C', 0, 'T', 1));
				ahead.read(scene, Map.of('C', 0, 'T', 8));
				ahead.read(scene, Map.of('C', 0, 'T', 2));
				// 0, 1, at most 2 and 3 ahead, 8, and 2 again if its read-ahead was dropped in time
				assertTrue(counting.decodes.get() <= 6, counting.decoded.toString());
				assertTrue(counting.decoded.stream().noneMatch(t -> t > 3 && t != 8), counting.decoded
					.toString());
			}
		}
	}

	@Test
	void aPlaneThatFailsAheadFailsWhenItIsRead() throws IOException {
		try (CziFile czi = CziFile.open(series())) {
			final CziScene scene = czi.scene(0);
			final Counting counting = new Counting(czi);
			counting.failing = 3;
			try (ReadAhead ahead = new ReadAhead(counting)) {
				ahead.setPlanes(2);
				for (int t = 0; t < 3; t++)
					ahead.read(scene, Map.of('C', 0, 'T', t));
				final CziFormatException e = assertThrows(CziFormatException.class, () -> ahead.read(scene,
					Map.of('C', 0, 'T', 3)));
				assertEquals("test.czi: plane 3 is damaged", e.getMessage());
				ahead.read(scene, Map.of('C', 0, 'T', 4));
			}
		}
	}

	@Test
	void closingLeavesNoWorkerBehind() throws Exception {
		try (CziFile czi = CziFile.open(series()).readAhead(2)) {
			readInOrder(czi);
		}
		final long deadline = System.nanoTime() + 10_000_000_000L;
		while (workers() > 0 && System.nanoTime() < deadline)
			Thread.sleep(20);
		assertEquals(0, workers(), "read-ahead threads left after close");
	}

	private static long workers() {
		return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(
			"pssr-czi-read-ahead")).count();
	}

	@Test
	void theSystemPropertySetsTheDefaultAndRefusesWhatIsNotACount() {
		final String before = System.getProperty(ReadAhead.PROPERTY);
		try {
			System.setProperty(ReadAhead.PROPERTY, "0");
			assertEquals(0, ReadAhead.defaultPlanes());
			System.setProperty(ReadAhead.PROPERTY, " 7 ");
			assertEquals(7, ReadAhead.defaultPlanes());
			for (final String bad : new String[] { "-1", "many", "", "2.5" }) {
				System.setProperty(ReadAhead.PROPERTY, bad);
				final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
					ReadAhead::defaultPlanes);
				assertTrue(e.getMessage().startsWith("-Dpssr.czi.readahead=" + bad + " "), e.getMessage());
			}
			System.clearProperty(ReadAhead.PROPERTY);
			final int cores = Runtime.getRuntime().availableProcessors();
			assertEquals(cores < 2 ? 0 : Math.min(cores, 4), ReadAhead.defaultPlanes());
		}
		finally {
			if (before == null) System.clearProperty(ReadAhead.PROPERTY);
			else System.setProperty(ReadAhead.PROPERTY, before);
		}
	}
}
