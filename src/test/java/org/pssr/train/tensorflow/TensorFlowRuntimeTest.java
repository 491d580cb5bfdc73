package org.pssr.train.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pssr.train.Engines;

/**
 * TensorFlow's DJL is not the PyTorch side's: the engine runs in its own class loader, with DJL
 * 0.28 and TF Java from the runtime folder, while the class path holds DJL 0.29.
 */
class TensorFlowRuntimeTest {

	@Test
	void tensorFlowRunsBesideThePyTorchSideWithItsOwnDjl() throws Exception {
		Engines.pytorch();
		final TensorFlowEngine tf = TensorFlowRuntime.engine();
		assertEquals("2.10.1", tf.version());
		final ClassLoader isolated = tf.getClass().getClassLoader();
		assertTrue(isolated instanceof IsolatingClassLoader, isolated.toString());
		final Class<?> theirs = Class.forName("ai.djl.engine.Engine", false, isolated);
		final Class<?> ours = ai.djl.engine.Engine.class;
		assertNotSame(ours, theirs, "DJL classes shared between the two sides");
		assertEquals("0.28.0", theirs.getMethod("getDjlVersion").invoke(null));
		assertEquals("0.29.0", ai.djl.engine.Engine.getDjlVersion());
		assertNotSame(Class.forName("org.tensorflow.Graph", false, isolated).getClassLoader(),
			TensorFlowRuntimeTest.class.getClassLoader());
		assertEquals(TensorFlowEngine.class, Class.forName(TensorFlowEngine.class.getName(), false,
			isolated), "the interface is shared, or the two sides could not talk");
		assertEquals("PyTorch", Engines.pytorch().getEngineName(), "PyTorch still works");
	}

	@Test
	void theBuildFolderHoldsTheRuntimeAndMissingJarsSayWhatToInstall() {
		final List<Path> jars = TensorFlowRuntime.jars(TensorFlowRuntime.candidates());
		assertTrue(jars.stream().anyMatch(j -> j.getFileName().toString().equals(
			"tensorflow-engine-0.28.0.jar")), jars.toString());
		final IllegalStateException e = assertThrows(IllegalStateException.class,
			() -> TensorFlowRuntime.jars(List.of(Paths.get("/nonexistent-pssr-tf"))));
		assertTrue(e.getMessage().contains("/nonexistent-pssr-tf") && e.getMessage().contains(
			"lib/" + TensorFlowRuntime.FOLDER), e.getMessage());
	}
}
