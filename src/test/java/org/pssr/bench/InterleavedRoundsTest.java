package org.pssr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Rounds in alternation, their spreads, and when a ratio is undecided; no timing asserted. */
class InterleavedRoundsTest {

	@Test
	void theSidesAlternateRoundByRound() throws Exception {
		final List<String> order = new ArrayList<>();
		final double[] ours = { 3, 1, 2 };
		final double[] theirs = { 5, 4, 6 };
		final int[] i = { 0, 0 };
		final Spread[] s = Interleaved.run(3, () -> {
			order.add("A");
			return ours[i[0]++];
		}, () -> {
			order.add("B");
			return theirs[i[1]++];
		});
		assertEquals(List.of("A", "B", "A", "B", "A", "B"), order);
		assertEquals(1, s[0].min());
		assertEquals(2, s[0].median());
		assertEquals(3, s[0].max());
		assertEquals(5, s[1].median());
		assertNull(Interleaved.run(2, () -> 1, null)[1], "no reference, no reference spread");
	}

	@Test
	void aSpreadOfSecondsTurnsIntoOneOfRates() {
		final Spread rate = Spread.of(0.5, 1, 2).inverse(4);
		assertEquals(2, rate.min());
		assertEquals(4, rate.median());
		assertEquals(8, rate.max());
	}

	@Test
	void overlappingSpreadsLeaveTheRatioUndecidedSeparateOnesDoNot() {
		final Measurement separate = new Measurement("w", "samples/s", 0, 0, true, null).withSpreads(
			Spread.of(10, 11, 12), Spread.of(7, 8, 9));
		assertFalse(separate.undecided());
		assertEquals(11.0 / 8, separate.ratio(), 1e-12);
		assertEquals("11.0 (10.0-12.0) | 8.00 (7.00-9.00) | samples/s | 1.38", BenchReport.row(
			separate));
		final Measurement overlapping = new Measurement("w", "samples/s", 0, 0, true, null)
			.withSpreads(Spread.of(8, 11, 12), Spread.of(7, 9, 10));
		assertTrue(overlapping.undecided());
		assertTrue(BenchReport.row(overlapping).endsWith("| undecided"), BenchReport.row(overlapping));
		final Measurement seconds = new Measurement("w", "s", 0, 0, false, null).withSpreads(Spread.of(1,
			2, 3), Spread.of(4, 5, 6));
		assertFalse(seconds.undecided(), "lower is better: we are ahead at both ends");
		assertEquals(2.5, seconds.ratio(), 1e-12);
		assertFalse(new Measurement("w", "s", 1, 2, false, null).undecided(), "a single figure");
	}
}
