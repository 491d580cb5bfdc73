package org.pssr.cli;

import picocli.CommandLine.Option;

/** The options of every command that runs a model over movies: superres and evaluate. */
final class InferenceOptions {

	@Option(names = "--model", required = true, paramLabel = "MODEL",
		description = "Trained model bundle (*.pssr.zip), TensorFlow SavedModel folder, or " +
			"bioimage.io package (.zip with rdf.yaml, TensorFlow weights).")
	java.nio.file.Path model;

	@Option(names = "--tile", defaultValue = "0", paramLabel = "N",
		description = "LR tile side in pixels; 0 picks it from the device memory (default), halved " +
			"automatically when the device runs out of memory.")
	int tile;

	@Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu",
		description = "Where the model runs (default: ${DEFAULT-VALUE}: the GPU if there is one).")
	String device;

	@Option(names = "--channel", defaultValue = "1", paramLabel = "C",
		description = "Channel of a multi-channel movie, 1-based (default: ${DEFAULT-VALUE}).")
	int channel;
}
