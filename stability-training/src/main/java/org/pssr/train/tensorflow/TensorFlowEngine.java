package org.pssr.train.tensorflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.pssr.train.UNetConfig;

/**
 * What pssr needs from TensorFlow, in types every class loader shares. The one implementation runs
 * inside {@link TensorFlowRuntime}'s class loader, with DJL's TensorFlow engine and TF Java, so that
 * neither meets the DJL of the PyTorch side nor another plugin's TensorFlow.
 */
public interface TensorFlowEngine {

	/** TensorFlow's version, e.g. {@code 2.10.1}. */
	String version();

	/**
	 * Writes the network as a frozen SavedModel with one signature ({@code input} NHWC float32 ->
	 * {@code output}) into the new folder {@code folder}.
	 *
	 * @param weights every trainable tensor and buffer of the network, by name
	 */
	void writeSavedModel(UNetConfig config, Map<String, FloatTensor> weights, String signature,
		Path folder) throws IOException;

	/**
	 * Opens a SavedModel for prediction.
	 *
	 * @throws IllegalArgumentException when TensorFlow cannot load it
	 */
	SavedModelSession open(Path folder) throws IOException;
}
