package org.pssr.cli;

import picocli.CommandLine.Option;

/**
 * The options of the commands that run a model over movies in one process (superres, evaluate);
 * the SLURM jobs pick their tile otherwise.
 */
final class InferenceOptions extends ModelOptions {

	@Option(names = "--tile", paramLabel = "N",
		description = "LR tile side in pixels; 0 picks it from the device memory (default), halved " +
			"automatically when the device runs out of memory.")
	int tile;
}
