package org.pssr.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

class OpenCziCommandTest {

	private static OpenCziCommand run(final String sample, final int scene) {
		final OpenCziCommand command = new OpenCziCommand();
		command.file = Paths.get(System.getProperty("pssr.shared", "../shared"), "data", "czi", sample)
			.toFile();
		command.scene = scene;
		command.run();
		return command;
	}

	@Test
	void opensASceneAsACalibratedHyperstack() {
		final OpenCziCommand command = run("S3_1Pos_2Mosaic_T2Z3_CH2_sm.czi", 1);
		assertFalse(command.isCanceled(), command.getCancelReason());
		assertEquals(2, command.image.getNChannels());
		assertEquals(3, command.image.getNSlices());
		assertEquals(2, command.image.getNFrames());
		assertEquals(16, command.image.getBitDepth());
		assertEquals(33.412, command.image.getCalibration().frameInterval, 1e-9);
		assertTrue(command.image.getTitle().endsWith("#1"), command.image.getTitle());
	}

	@Test
	void cancelsWithTheReasonForFilesItCannotRead() {
		final OpenCziCommand jxr = run("LLS7_small_JPEGXR-synthetic.czi", 0);
		assertTrue(jxr.isCanceled());
		assertTrue(jxr.getCancelReason().contains("JPEG XR"), jxr.getCancelReason());
		assertNull(jxr.image);
		final OpenCziCommand scene = run("100x100.czi", 1);
		assertTrue(scene.isCanceled());
		assertTrue(scene.getCancelReason().contains("scene 1 does not exist"), scene.getCancelReason());
	}
}
