package org.pssr.imagej;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

import ij.IJ;
import ij.ImagePlus;
import ij.io.Opener;

import org.pssr.app.MovieOpener;
import org.pssr.crappify.Movie;
import org.pssr.czi.CziFile;
import org.pssr.czi.CziFormatException;
import org.pssr.czi.CziScene;

/**
 * Opens a movie file for every command that takes one. TIFF stacks open as ImageJ virtual stacks,
 * so frames are read from disk only when asked for. CZI opens through Bio-Formats when Fiji has
 * it, else through the built-in reader (first scene; frames along T, or along Z for a Z-stack
 * without time points).
 */
public enum MovieFiles implements MovieOpener {

	IMAGEJ;

	/**
	 * @param channel 1-based channel to use
	 * @throws NoSuchFileException when the file is missing
	 * @throws IllegalArgumentException when the file cannot be read as a movie
	 */
	@Override
	public Movie open(final Path file, final int channel) throws NoSuchFileException {
		if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString());
		final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".czi")) return openCzi(file, channel);
		final ImagePlus imp = name.endsWith(".tif") || name.endsWith(".tiff") ? IJ.openVirtual(file
			.toString()) : IJ.openImage(file.toString());
		if (imp == null) {
			throw new IllegalArgumentException(file + " could not be opened as an image (supported: " +
				"TIFF and what ImageJ opens; CZI with the built-in reader)");
		}
		return ImagePlusMovie.wrap(imp, channel);
	}

	private static Movie openCzi(final Path file, final int channel) {
		if (hasBioFormats()) {
			final ImagePlus imp = Opener.openUsingBioFormats(file.toString());
			if (imp != null) return ImagePlusMovie.wrap(imp, channel);
		}
		try {
			final CziFile czi = CziFile.open(file);
			try {
				final CziScene scene = czi.scene(0);
				return CziMovie.of(czi, 0, channel - 1, scene.sizeT() == 1 && scene.sizeZ() > 1);
			}
			catch (final IOException | RuntimeException e) {
				czi.close();
				throw e;
			}
		}
		catch (final CziFormatException e) {
			throw new IllegalArgumentException(e.getMessage(), e);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Bio-Formats is a Fiji update site, not a dependency: look for it at run time. */
	public static boolean hasBioFormats() {
		try {
			Class.forName("loci.plugins.BF", false, MovieFiles.class.getClassLoader());
			return true;
		}
		catch (final ClassNotFoundException | LinkageError e) {
			return false;
		}
	}
}
