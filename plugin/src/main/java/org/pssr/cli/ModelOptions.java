package org.pssr.cli;

import java.nio.file.Path;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which model runs where, on which channel: every command that runs a model over movies. */
class ModelOptions {

	@Option(names = "--model", required = true, paramLabel = "MODEL",
		description = "Trained model bundle (*.pssr.zip), TensorFlow SavedModel folder, or " +
			"bioimage.io package (.zip with rdf.yaml, TensorFlow weights).")
	Path model;

	@Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu",
		description = "Where the model runs (default: ${DEFAULT-VALUE}: the GPU if there is one).")
	String device;

	@Mixin
	ChannelOption movie;
}
