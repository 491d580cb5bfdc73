package org.pssr.fiji;

import java.io.File;
import java.io.IOException;
import java.util.List;

import ij.IJ;

import org.pssr.app.ExportJob;
import org.pssr.imagej.ImageJLogger;
import org.pssr.train.exchange.ExportFormat;
import org.pssr.train.exchange.OutputUnits;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Plugins > PSSR > Export Model (TensorFlow): a trained model as a SavedModel folder or a
 * bioimage.io package, checked by reloading it in TensorFlow. Same as {@code pssr export}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>PSSR>Export Model (TensorFlow)",
	headless = true)
public final class ExportModelCommand extends AdvancedCommand {

	@Parameter(label = "Model (.pssr.zip)", style = FileWidget.OPEN_STYLE, persist = false,
		description = "A model made by Train Model.")
	File modelfile;

	@Parameter(label = "Save as (new .zip or folder)", style = FileWidget.SAVE_STYLE,
		persist = false,
		description = "A new .zip file for a bioimage.io package, or a new folder for a " +
			"SavedModel; an earlier export is replaced only once you confirm it, anything else never.")
	File output;

	@Parameter(label = "Format", initializer = "listFormats",
		description = "bioimageio: a package for the bioimage.io model zoo and tools that read it " +
			"(deepImageJ, ...). savedmodel: a plain TensorFlow SavedModel folder.")
	String format = "bioimageio";

	@Parameter(label = "Author",
		description = "Your name, recorded in the package's description (rdf.yaml).")
	String author = System.getProperty("user.name", "");

	@Advanced
	@Parameter(label = "Licence of the weights (SPDX)",
		description = "The licence you give the trained weights, as an SPDX identifier (CC-BY-4.0, " +
			"MIT, ...); recorded in rdf.yaml.")
	String license = "CC-BY-4.0";

	@Advanced
	@Parameter(label = "Output units (bioimage.io)", initializer = "listUnits",
		description = "normalised: the package's output stays in the network's units (0 and 1 at the " +
			"input's percentiles), which deepImageJ runs. input: the package maps it back with " +
			"scale_mean_variance, which bioimageio.core runs and deepImageJ does not.")
	String outputunits = "normalised";

	@Parameter(type = ItemIO.OUTPUT)
	String report;

	public ExportModelCommand() {
		super("<b>Share a model</b> with TensorFlow tools: as a bioimage.io package or a TensorFlow " +
			"SavedModel folder. The export is loaded again and checked against the model.",
			"export-model-tensorflow");
	}

	/** The formats the export writes. */
	void listFormats() {
		choices("format", List.of(ExportFormat.values()));
	}

	/** The units a package's output may come in. */
	void listUnits() {
		choices("outputunits", List.of(OutputUnits.values()));
	}

	@Override
	void execute() throws IOException {
		report = new ExportJob(author, license, outputunits).run(modelfile.toPath(), output.toPath(),
			format, Commands.rule(overwrite), ImageJLogger.INSTANCE).toString();
		IJ.log("PSSR: " + report);
	}
}
