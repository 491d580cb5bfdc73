package org.pssr.czi;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The parser on hostile bytes: success or a CziFormatException, never another exception, a hang
 * or an absurd allocation. The Jazzer test replays its seed corpus (synthetic files and the
 * inputs of crashes fixed so far, under CziFuzzTestInputs) in every build and fuzzes with
 * JAZZER_FUZZ=1; the mutation test fuzzes the real samples with a fixed seed in every build.
 */
class CziFuzzTest {

	private static final String[] SAMPLES = { "100x100.czi", "newCZI_compressed.czi",
		"LLS7_small.czi", "LLS7_small_JPEGXR-synthetic.czi", "LSM880_AiryScan.czi",
		"CellDivision_T3_Z5_CH2_X240_Y170_comp1.czi", "WellD6_S1.czi", "tiles_time_z.czi",
		"S3_1Pos_2Mosaic_T2Z3_CH2_sm.czi", "RGB-8bit.czi" };
	private static final int MUTANTS_PER_SAMPLE = 50;
	/** On a loaded CI machine the mutants run out of time before they run out: a fixed seed keeps the prefix reproducible. */
	private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(20);
	private static final long[] INTERESTING = { 0, 1, -1, 31, 32, 255, 256, 65535, Integer.MAX_VALUE,
		Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 32 };

	@FuzzTest(maxDuration = "30s")
	void parsesAnyBytesOrRefusesThem(final byte[] input) {
		readOrRefuse(input, "fuzz input");
	}

	@Test
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void survivesMutationsOfTheRealSamples() throws IOException {
		final SplittableRandom rng = new SplittableRandom(20261123);
		final long deadline = System.nanoTime() + BUDGET_NANOS;
		int refused = 0;
		int tried = 0;
		for (int i = 0; i < MUTANTS_PER_SAMPLE && System.nanoTime() < deadline; i++) {
			for (final String name : SAMPLES) {
				final byte[] sample = Files.readAllBytes(CziTestFiles.sample(name));
				final byte[] mutant = mutate(sample, segmentStarts(sample), rng);
				if (!readOrRefuse(mutant, name + " mutant " + i)) refused++;
				tried++;
			}
		}
		assertTrue(tried >= SAMPLES.length, "at least one mutant of every sample");
		assertTrue(refused > 0, "some mutants should be refused");
	}

	/** @return true when the bytes decoded, false when they were refused */
	private static boolean readOrRefuse(final byte[] bytes, final String what) {
		try {
			CziReading.readAll(bytes);
			return true;
		}
		catch (final CziFormatException e) {
			return false;
		}
		catch (final IOException | RuntimeException | OutOfMemoryError e) {
			fail(what + ": " + e, e);
			return false;
		}
	}

	/** Offsets of segment headers: the fields worth corrupting are near them. */
	private static List<Integer> segmentStarts(final byte[] file) {
		final List<Integer> starts = new ArrayList<>();
		for (int i = 0; i + 3 <= file.length; i += 32)
			if (file[i] == 'Z' && file[i + 1] == 'I' && file[i + 2] == 'S') starts.add(i);
		return starts;
	}

	private static byte[] mutate(final byte[] sample, final List<Integer> segments,
		final SplittableRandom rng)
	{
		final int kind = rng.nextInt(4);
		if (kind == 0) return java.util.Arrays.copyOf(sample, rng.nextInt(sample.length));
		final byte[] m = sample.clone();
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
