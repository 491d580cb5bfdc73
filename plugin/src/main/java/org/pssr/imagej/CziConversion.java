package org.pssr.imagej;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;

import org.pssr.app.OutputRule;
import org.pssr.crappify.Provenance;
import org.pssr.crappify.io.Outputs;
import org.pssr.crappify.io.StagedOutput;
import org.pssr.czi.CziFile;
import org.pssr.czi.CziScene;

/**
 * Writes one CZI scene as an ImageJ hyperstack TIFF, plane by plane from a virtual stack, to a
 * temporary file next to the output that is moved into place only when complete. A file the
 * built-in reader cannot decode is refused before anything is written.
 */
public final class CziConversion {

	private CziConversion() {}

	/** What was written. */
	public static final class Result {

		public final ImagePlus image;
		/** Planes the file does not have, written as zeros. */
		public final int missingPlanes;
		/** Letters besides C, Z and T with more than one plane, such as "H=32"; only index 0 was written. */
		public final String otherLetters;

		Result(final ImagePlus image, final int missingPlanes, final String otherLetters) {
			this.image = image;
			this.missingPlanes = missingPlanes;
			this.otherLetters = otherLetters;
		}
	}

	/**
	 * @throws org.pssr.czi.CziFormatException when the file is not a CZI this reader decodes
	 * @throws IllegalArgumentException for a scene the file does not have
	 */
	public static Result convert(final Path input, final Path output, final int scene,
		final OutputRule rule) throws IOException
	{
		Outputs.refuseOverwriting(output, input, "the input file");
		rule.check("OUT.tif", output, OutputRule.Kind.MOVIE);
		try (CziFile czi = CziFile.open(input)) {
			if (scene < 0 || scene >= czi.scenes().size())
				throw new IllegalArgumentException(czi.name() + " has " + czi.scenes().size() +
					" scene(s) (0.." + (czi.scenes().size() - 1) + "); scene " + scene + " does not exist");
			czi.requireDecodable(scene);
			final ImagePlus imp = CziHyperstack.open(czi, scene);
			// the provenance marks the TIFF as pssr's: a later conversion may replace it
			imp.setProperty("Info", Provenance.of("convert").with("input", Provenance.describe(input))
				.with("scene", scene).text());
			try (StagedOutput staged = StagedOutput.file(output)) {
				final FileSaver saver = new FileSaver(imp);
				final String partial = staged.path().toString();
				final boolean saved = imp.getStackSize() > 1 ? saver.saveAsTiffStack(partial) : saver
					.saveAsTiff(partial);
				if (!saved) throw new IOException("could not write " + output + ": " + IJ
					.getErrorMessage());
				staged.commit();
			}
			catch (final UncheckedIOException e) {
				throw e.getCause();
			}
			final CziScene s = czi.scene(scene);
			final StringBuilder other = new StringBuilder();
			for (final char c : s.letters().toCharArray())
				if (c != 'C' && c != 'Z' && c != 'T' && s.size(c) > 1)
					other.append(other.length() > 0 ? " " : "").append(c).append('=').append(s.size(c));
			return new Result(imp, ((CziHyperstack) imp.getStack()).missingPlanes(), other.toString());
		}
	}
}
