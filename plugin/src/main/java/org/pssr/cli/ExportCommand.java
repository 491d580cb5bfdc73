package org.pssr.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pssr.app.ExportJob;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
	description = { "Export a trained model for TensorFlow tools: a SavedModel folder, or a " +
		"bioimage.io package (zip with rdf.yaml, test tensors and the SavedModel) for deepImageJ, " +
		"the BioImage Model Zoo and bioimageio.core. The export is loaded back through TensorFlow and " +
		"must reproduce the model's output, or nothing is written. Needs the TensorFlow natives " +
		"(see README, TensorFlow)." })
public final class ExportCommand implements Callable<Integer> {

	@Option(names = "--model", required = true, paramLabel = "MODEL.pssr.zip",
		description = "Trained model bundle.")
	Path model;

	@Option(names = "--output", required = true, paramLabel = "DIR|PACKAGE.zip",
		description = "New folder (savedmodel) or new .zip file (bioimageio); an earlier export of " +
			"pssr's is replaced only with --overwrite.")
	Path output;

	@Option(names = "--format", paramLabel = "savedmodel|bioimageio",
		description = "What to write (default: bioimageio for an --output ending in .zip, else " +
			"savedmodel).")
	String format;

	@Option(names = "--author", paramLabel = "NAME",
		description = "Author recorded in rdf.yaml (default: the user name).")
	String author;

	@Option(names = "--license", defaultValue = "CC-BY-4.0", paramLabel = "SPDX",
		description = "Licence of the weights, recorded in rdf.yaml (default: ${DEFAULT-VALUE}).")
	String license;

	@Option(names = "--output-units", paramLabel = "normalised|input",
		description = "What a package's output is in. normalised (default): the network's units, 0 " +
			"and 1 at the input's percentiles, no post-processing; deepImageJ (JDLL 0.6.3) runs it. " +
			"input: scale_mean_variance against the input, about its units; bioimageio.core runs it, " +
			"JDLL 0.6.3 does not. pssr superres gives the movie's units either way.")
	String outputUnits;

	@Mixin
	OverwriteOption overwrite;

	@Override
	public Integer call() throws IOException {
		System.out.println(new ExportJob(author, license, outputUnits).run(model, output, format,
			overwrite.rule(), ConsoleLogger.stdout()));
		return ExitCodes.OK;
	}
}
