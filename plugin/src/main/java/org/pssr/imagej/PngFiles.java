package org.pssr.imagej;

import java.io.IOException;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.io.FileSaver;

import org.pssr.crappify.io.StagedOutput;

/** PNG figures and plots, written whole or not at all. */
public final class PngFiles {

	private PngFiles() {}

	public static void write(final ImagePlus image, final Path png) throws IOException {
		try (StagedOutput staged = StagedOutput.file(png)) {
			if (!new FileSaver(image).saveAsPng(staged.path().toString())) throw new IOException(
				"could not write " + png);
			staged.commit();
		}
	}
}
