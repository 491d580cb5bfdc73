package org.pssr.crappify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TilesTest {

	@Test
	void theEightSymmetriesOfTheSquareAreDistinctPermutations() {
		final float[] tile = new float[16];
		for (int i = 0; i < tile.length; i++) {
			tile[i] = i;
		}
		final Set<String> seen = new HashSet<>();
		for (int code = 0; code < 8; code++) {
			final float[] t = Tiles.dihedral(tile, 4, code);
			final float[] sorted = t.clone();
			Arrays.sort(sorted);
			assertArrayEquals(tile, sorted, "not a permutation: " + code);
			seen.add(Arrays.toString(t));
		}
		assertEquals(8, seen.size());
		// one quarter turn: the top row becomes a column
		final float[] q = Tiles.dihedral(tile, 4, 1);
		assertTrue(q[0] == 3 && q[4] == 2 && q[8] == 1 && q[12] == 0 || q[0] == 12 && q[1] == 8,
			Arrays.toString(q));
	}

	@Test
	void blurKeepsFlatImagesAndTotalsAndDownsamplingAveragesBlocks() {
		final float[] flat = new float[40 * 30];
		Arrays.fill(flat, 0.3f);
		for (final float v : GaussianBlur.apply(flat, 40, 30, 5)) {
			assertEquals(0.3f, v, 1e-5f);
		}
		final float[] spot = new float[64 * 64];
		spot[32 * 64 + 32] = 1;
		final float[] blurred = GaussianBlur.apply(spot, 64, 64, 2);
		double sum = 0;
		for (final float v : blurred) {
			sum += v;
		}
		assertEquals(1, sum, 1e-4);
		assertTrue(blurred[32 * 64 + 32] > blurred[32 * 64 + 34]);
		final float[] lr = Tiles.downsample(new float[] { 1, 2, 3, 4, 5, 6, 7, 8 }, 4, 2, 2);
		assertArrayEquals(new float[] { 3.5f, 5.5f }, lr);
		assertEquals(1, Mirror.index(-1, 5));
		assertEquals(3, Mirror.index(5, 5));
	}
}
