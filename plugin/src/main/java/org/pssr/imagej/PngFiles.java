package org.pssr.imagej;

import java.io.IOException;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;

import org.pssr.app.OutputRule;
import org.pssr.crappify.io.PngText;
import org.pssr.crappify.io.StagedOutput;

/**
 * PNG figures and plots, written whole or not at all, and marked as pssr's (a {@code Software}
 * text chunk) so that a later run may replace them and nothing else ({@link OutputRule}).
 */
public final class PngFiles {

	private PngFiles() {}

	public static void write(final ImagePlus image, final Path png) throws IOException {
		try (StagedOutput staged = StagedOutput.file(png)) {
			if (!new FileSaver(image).saveAsPng(staged.path().toString())) throw new IOException(
				"could not write " + png + ": " + IJ.getErrorMessage());
			PngText.add(staged.path(), OutputRule.PNG_KEYWORD, OutputRule.PNG_SOFTWARE);
			staged.commit();
		}
	}
}
