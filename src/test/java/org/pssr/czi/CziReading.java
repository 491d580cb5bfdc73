package org.pssr.czi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Opens CZI bytes and decodes every plane of every scene, as a user of the reader would. */
final class CziReading {

	private CziReading() {}

	static CziFile open(final byte[] bytes) throws IOException {
		return CziFile.open(CziInput.of(bytes, "test.czi"));
	}

	/** @return the number of planes decoded */
	static int readAll(final byte[] bytes) throws IOException {
		int planes = 0;
		try (CziFile czi = open(bytes)) {
			for (final CziScene s : czi.scenes()) {
				czi.requireDecodable(s.index());
				for (final Map<Character, Integer> p : s.planes()) {
					czi.readPlane(s.index(), p);
					planes++;
				}
			}
		}
		return planes;
	}

	/**
	 * The metadata of the CellDivision sample, which a feature file copies at a smaller size: C=2,
	 * Z=5, T=3 in scene 0 of {@code width x height} pixels, its channel names, time stamps, the time
	 * increment of the XML's offsets (not of the stamps) and its scaling.
	 */
	static void assertCellDivisionMetadata(final CziFile czi, final int width, final int height) {
		final CziScene s = czi.scene(0);
		assertEquals(width, s.width());
		assertEquals(height, s.height());
		assertEquals(2, s.sizeC());
		assertEquals(5, s.sizeZ());
		assertEquals(3, s.sizeT());
		assertEquals(List.of("LED555", "LED470"), czi.metadata().channelNames());
		final double[] stamps = czi.metadata().timeStamps();
		assertEquals(3, stamps.length);
		assertEquals(360.42, stamps[0], 0.01);
		assertEquals(480.41, stamps[2], 0.01);
		assertEquals(60.075, czi.metadata().timeIncrement(), 1e-9, "the XML's offsets, not the stamps");
		assertEquals(0.0906, czi.metadata().pixelWidth(), 1e-3);
		assertEquals(0.32, czi.metadata().zStep(), 1e-3);
	}

	/**
	 * The sparse C x H grid of the AiryScan sample, which a feature file copies: 8 channels, 32
	 * phases and 132 of their planes in scene 0; each plane present reads {@code width} pixels wide,
	 * each missing one is refused.
	 */
	static void assertSparseAiryScanGrid(final CziFile czi, final int width) throws IOException {
		final CziScene s = czi.scene(0);
		assertEquals(width, s.width());
		assertEquals(8, s.sizeC());
		assertEquals(32, s.size('H'));
		assertTrue(s.letters().contains("H"));
		assertEquals(132, s.planeCount());
		assertTrue(s.gridSize() > s.planeCount());
		int present = 0;
		for (int c = 0; c < s.sizeC(); c++) {
			for (int h = 0; h < s.size('H'); h++) {
				final Map<Character, Integer> at = Map.of('C', c, 'H', h);
				if (s.hasPlane(at)) {
					assertEquals(width, czi.readPlane(0, at).dimension(0));
					present++;
				}
				else assertThrows(CziFormatException.class, () -> czi.readPlane(0, at));
			}
		}
		assertEquals(132, present);
	}

	/**
	 * JPEG XR in scene 0 is refused before any work, naming the codec and Bio-Formats, and so is
	 * every plane read.
	 */
	static void assertRefusesJpegXr(final CziFile czi) {
		final CziFormatException e = assertThrows(CziFormatException.class,
			() -> czi.requireDecodable(0));
		assertTrue(e.getMessage().contains("JPEG XR"), e.getMessage());
		assertTrue(e.getMessage().contains("Bio-Formats"), e.getMessage());
		for (final Map<Character, Integer> plane : czi.scene(0).planes()) {
			final CziFormatException read = assertThrows(CziFormatException.class,
				() -> czi.readPlane(0, plane));
			assertTrue(read.getMessage().contains("JPEG XR"), read.getMessage());
		}
	}

	/**
	 * Reads hostile bytes, which may succeed or fail with a CziFormatException but with nothing else.
	 *
	 * @return true when the bytes decoded, false when they were refused
	 */
	static boolean readOrRefuse(final byte[] bytes, final String what) {
		try {
			readAll(bytes);
			return true;
		}
		catch (final CziFormatException e) {
			return false;
		}
		catch (final IOException | RuntimeException | OutOfMemoryError e) {
			return fail(what + ": " + e, e);
		}
	}
}
