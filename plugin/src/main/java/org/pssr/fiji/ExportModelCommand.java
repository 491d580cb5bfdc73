package org.pssr.fiji;

import java.io.File;
import java.io.IOException;

import ij.IJ;

import org.pssr.app.ExportJob;
import org.pssr.imagej.ImageJLogger;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Plugins > PSSR > Export Model (TensorFlow): a trained model as a SavedModel folder or a
 * bioimage.io package, checked by reloading it in TensorFlow. Same as {@code pssr export}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>PSSR>Export Model (TensorFlow)",
	headless = true)
public final class ExportModelCommand extends ContextCommand {

	@Parameter(label = "Model file (.pssr.zip)", style = FileWidget.OPEN_STYLE, persist = false)
	File modelfile;

	@Parameter(label = "Output (new folder, or new .zip for bioimage.io)",
		style = FileWidget.SAVE_STYLE, persist = false)
	File output;

	@Parameter(label = "Format", choices = { "bioimageio", "savedmodel" })
	String format = "bioimageio";

	@Parameter(label = "Author (recorded in rdf.yaml)")
	String author = System.getProperty("user.name", "");

	@Parameter(label = "Licence of the weights (SPDX)")
	String license = "CC-BY-4.0";

	@Parameter(type = ItemIO.OUTPUT)
	String report;

	@Override
	public void run() {
		try {
			report = new ExportJob(author, license).run(modelfile.toPath(), output.toPath(), format,
				ImageJLogger.INSTANCE).toString();
			IJ.log("PSSR: " + report);
		}
		catch (final IOException | IllegalArgumentException | IllegalStateException e) {
			Commands.fail(this, e);
		}
		finally {
			IJ.showStatus("");
		}
	}
}
