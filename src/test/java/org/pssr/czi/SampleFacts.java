package org.pssr.czi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The facts of real samples that the expected JSON does not hold, asserted alike on the sample
 * ({@link CziSamplesTest}) and on the feature file that stands for it ({@link CziFeaturesTest}),
 * which differ only in the size of their planes.
 */
final class SampleFacts {

	private SampleFacts() {}

	/**
	 * CellDivision_T3_Z5_CH2_X240_Y170.czi: its dimensions, channel names, time stamps, time
	 * increment and calibration.
	 */
	static void assertCellDivision(final CziFile czi, final int width, final int height) {
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
	 * LSM880_AiryScan.czi: 8 channels and 32 phases of which only 132 planes are present; each of
	 * those reads, each missing one is refused.
	 */
	static void assertSparseAiryScan(final CziFile czi, final int width, final int height)
		throws IOException
	{
		final CziScene s = czi.scene(0);
		assertEquals(width, s.width());
		assertEquals(height, s.height());
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
	 * LLS7_small_JPEGXR-synthetic.czi: refused as a whole naming the codec and Bio-Formats, and
	 * plane by plane naming the codec.
	 */
	static void assertRefusesJpegXr(final CziFile czi) {
		final CziFormatException e = assertThrows(CziFormatException.class, () -> czi.requireDecodable(
			0));
		assertTrue(e.getMessage().contains("JPEG XR"), e.getMessage());
		assertTrue(e.getMessage().contains("Bio-Formats"), e.getMessage());
		for (final Map<Character, Integer> plane : czi.scene(0).planes()) {
			final CziFormatException read = assertThrows(CziFormatException.class, () -> czi.readPlane(0,
				plane));
			assertTrue(read.getMessage().contains("JPEG XR"), read.getMessage());
		}
	}
}
