package org.pssr.fiji;

import java.io.File;
import java.io.IOException;

import ij.ImagePlus;

import org.pssr.czi.CziFile;
import org.pssr.imagej.CziHyperstack;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.thread.ThreadService;

/**
 * Plugins > PSSR > Open CZI (built-in reader): one scene of a CZI as a hyperstack whose planes are
 * decoded when shown, for Fiji installations without Bio-Formats. The file stays open while the
 * image is in use.
 */
@Plugin(type = Command.class, menuPath = "Plugins>PSSR>Open CZI (built-in reader)",
	headless = true)
public final class OpenCziCommand extends PssrCommand {

	@Parameter(label = "CZI file", style = "open", persist = false,
		description = "A Zeiss .czi file.")
	File file;

	@Parameter(label = "Scene (0 = the first)", min = "0",
		description = "Which scene (position) of a multi-scene file to open.")
	int scene;

	@Parameter(type = ItemIO.OUTPUT)
	ImagePlus image;

	@Parameter
	private ThreadService threads;

	public OpenCziCommand() {
		super("<b>Open a Zeiss CZI file</b> with pssr's own reader, for Fiji installations " +
			"without Bio-Formats: one scene as a hyperstack whose planes are read when shown.",
			"open-czi-built-in-reader");
	}

	@Override
	void execute() throws IOException {
		final CziFile czi = CziFile.open(file.toPath());
		try {
			if (scene >= czi.scenes().size()) throw new IllegalArgumentException(czi.name() + " has " +
				czi.scenes().size() + " scene(s); scene " + scene + " does not exist");
			czi.requireDecodable(scene);
			image = CziHyperstack.open(czi, scene);
			Commands.showToMacro(image, threads);
		}
		catch (final IOException | RuntimeException e) {
			czi.close();
			throw e;
		}
	}
}
