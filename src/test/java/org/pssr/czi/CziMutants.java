package org.pssr.czi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Seeded mutants of CZI files: truncations, and bytes, ints or longs overwritten near segment
 * headers, where the fields worth corrupting are. The reader must decode or refuse each one.
 */
final class CziMutants {

	private static final int PER_FILE = 50;
	/**
	 * On a loaded CI machine the mutants run out of time before they run out: a fixed seed keeps the
	 * prefix reproducible.
	 */
	private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(20);
	private static final long[] INTERESTING = { 0, 1, -1, 31, 32, 255, 256, 65535, Integer.MAX_VALUE,
		Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 32 };

	private CziMutants() {}

	/** Feeds up to 50 mutants of every file, one file after the other, to the reader. */
	static void assertSurvived(final Map<String, byte[]> files, final long seed) {
		final SplittableRandom rng = new SplittableRandom(seed);
		final long deadline = System.nanoTime() + BUDGET_NANOS;
		int refused = 0;
		int tried = 0;
		for (int i = 0; i < PER_FILE && System.nanoTime() < deadline; i++) {
			for (final Map.Entry<String, byte[]> file : files.entrySet()) {
				final byte[] mutant = mutate(file.getValue(), segmentStarts(file.getValue()), rng);
				if (!CziReading.readOrRefuse(mutant, file.getKey() + " mutant " + i)) refused++;
				tried++;
			}
		}
		assertTrue(tried >= files.size(), "at least one mutant of every file");
		assertTrue(refused > 0, "some mutants should be refused");
	}

	/** Offsets of segment headers: the fields worth corrupting are near them. */
	private static List<Integer> segmentStarts(final byte[] file) {
		final List<Integer> starts = new ArrayList<>();
		for (int i = 0; i + 3 <= file.length; i += 32)
			if (file[i] == 'Z' && file[i + 1] == 'I' && file[i + 2] == 'S') starts.add(i);
		return starts;
	}

	private static byte[] mutate(final byte[] file, final List<Integer> segments,
		final SplittableRandom rng)
	{
		final int kind = rng.nextInt(4);
		if (kind == 0) return Arrays.copyOf(file, rng.nextInt(file.length));
		final byte[] m = file.clone();
		final int rounds = 1 + rng.nextInt(3);
		for (int r = 0; r < rounds; r++) {
			final int base = segments.get(rng.nextInt(segments.size()));
			final int at = Math.min(m.length - 8, base + rng.nextInt(400));
			if (kind == 1) m[at] = (byte) rng.nextInt(256);
			else {
				final long value = INTERESTING[rng.nextInt(INTERESTING.length)];
				final ByteBuffer b = ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN);
				if (kind == 2) b.putInt(at & ~3, (int) value);
				else b.putLong(at & ~3, value);
			}
		}
		return m;
	}
}
