package org.pssr.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.czi.CziFeatureFiles;

/** The Fiji command on CZI files the test writes. */
class OpenCziCommandTest {

	@TempDir
	Path dir;

	static OpenCziCommand run(final Path file, final int scene) {
		final OpenCziCommand command = new OpenCziCommand();
		command.file = file.toFile();
		command.scene = scene;
		command.run();
		return command;
	}

	@Test
	void opensASceneAsACalibratedHyperstack() throws IOException {
		final OpenCziCommand command = run(CziFeatureFiles.scenesWithMosaics(dir).file(), 1);
		assertFalse(command.isCanceled(), command.getCancelReason());
		assertEquals(2, command.image.getNChannels());
		assertEquals(3, command.image.getNSlices());
		assertEquals(2, command.image.getNFrames());
		assertEquals(16, command.image.getBitDepth());
		assertEquals(33.412, command.image.getCalibration().frameInterval, 1e-9);
		assertTrue(command.image.getTitle().endsWith("#1"), command.image.getTitle());
	}

	@Test
	void cancelsWithTheReasonForFilesItCannotRead() throws IOException {
		final OpenCziCommand jxr = run(CziFeatureFiles.jpegXr(dir).file(), 0);
		assertTrue(jxr.isCanceled());
		assertTrue(jxr.getCancelReason().contains("JPEG XR"), jxr.getCancelReason());
		assertNull(jxr.image);
		final OpenCziCommand scene = run(CziFeatureFiles.smallest(dir).file(), 1);
		assertTrue(scene.isCanceled());
		assertTrue(scene.getCancelReason().contains("scene 1 does not exist"), scene.getCancelReason());
	}
}
