package org.pssr.imagej;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import ij.ImagePlus;
import ij.io.FileSaver;

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
	public static Result convert(final Path input, final Path output, final int scene)
		throws IOException
	{
		final Path dir = output.toAbsolutePath().getParent();
		if (dir == null || !Files.isDirectory(dir))
			throw new IllegalArgumentException("the output folder " + dir + " does not exist");
		if (Files.exists(output) && Files.exists(input) && Files.isSameFile(input, output))
			throw new IllegalArgumentException("the output " + output + " is the input file");
		try (CziFile czi = CziFile.open(input)) {
			if (scene < 0 || scene >= czi.scenes().size())
				throw new IllegalArgumentException(czi.name() + " has " + czi.scenes().size() +
					" scene(s) (0.." + (czi.scenes().size() - 1) + "); scene " + scene + " does not exist");
			czi.requireDecodable(scene);
			final ImagePlus imp = CziHyperstack.open(czi, scene);
			final Path partial = Files.createTempFile(dir, "." + output.getFileName(), ".part");
			try {
				final FileSaver saver = new FileSaver(imp);
				final boolean saved = imp.getStackSize() > 1 ? saver.saveAsTiffStack(partial.toString())
					: saver.saveAsTiff(partial.toString());
				if (!saved) throw new IOException("ImageJ could not write " + partial);
				move(partial, output);
			}
			catch (final UncheckedIOException e) {
				throw e.getCause();
			}
			finally {
				Files.deleteIfExists(partial);
			}
			final CziScene s = czi.scene(scene);
			final StringBuilder other = new StringBuilder();
			for (final char c : s.letters().toCharArray())
				if (c != 'C' && c != 'Z' && c != 'T' && s.size(c) > 1)
					other.append(other.length() > 0 ? " " : "").append(c).append('=').append(s.size(c));
			return new Result(imp, ((CziHyperstack) imp.getStack()).missingPlanes(), other.toString());
		}
	}

	private static void move(final Path from, final Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (final AtomicMoveNotSupportedException e) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}
}
