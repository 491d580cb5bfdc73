package org.pssr.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.pssr.testing.RealData;
import org.pssr.testing.SharedData;

/** The Fiji command on a real mosaic of three scenes. */
@RealData
class OpenCziCommandRealDataTest {

	@Test
	void opensASceneOfTheRealMosaicAsACalibratedHyperstack() {
		final OpenCziCommand command = OpenCziCommandTest.run(SharedData.czi(
			"S3_1Pos_2Mosaic_T2Z3_CH2_sm.czi"), 1);
		assertFalse(command.isCanceled(), command.getCancelReason());
		assertEquals(2, command.image.getNChannels());
		assertEquals(3, command.image.getNSlices());
		assertEquals(2, command.image.getNFrames());
		assertEquals(33.412, command.image.getCalibration().frameInterval, 1e-9);
	}
}
