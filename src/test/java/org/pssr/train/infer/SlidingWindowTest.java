package org.pssr.train.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlidingWindowTest {

	@Test
	void mirrorsAtBothEndsAndCentresOnEveryFrame() {
		final SlidingWindow w = new SlidingWindow(3, 4);
		assertArrayEquals(new int[] { 1, 0, 1 }, w.indices(0));
		assertArrayEquals(new int[] { 0, 1, 2 }, w.indices(1));
		assertArrayEquals(new int[] { 2, 3, 2 }, w.indices(3));
		final SlidingWindow five = new SlidingWindow(5, 5);
		assertArrayEquals(new int[] { 2, 1, 0, 1, 2 }, five.indices(0));
		assertArrayEquals(new int[] { 2, 3, 4, 3, 2 }, five.indices(4));
	}

	@Test
	void refusesAModelLongerThanTheMovie() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new SlidingWindow(5, 2));
		assertTrue(e.getMessage().contains("5 frames") && e.getMessage().contains("only 2"), e
			.getMessage());
		assertThrows(IllegalArgumentException.class, () -> new SlidingWindow(2, 10));
	}
}
