package org.pssr.imagej;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.Opener;
import ij.io.TiffDecoder;

import org.pssr.app.MovieOpener;
import org.pssr.crappify.Movie;
import org.pssr.crappify.io.TiffDirectories;
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

	/** What {@link Opener#getFileType} calls an image; text, tables and macros are not movies. */
	private static final java.util.Set<Integer> IMAGE_TYPES = java.util.Set.of(Opener.TIFF,
		Opener.DICOM, Opener.FITS, Opener.PGM, Opener.JPEG, Opener.GIF, Opener.BMP, Opener.ZIP,
		Opener.PNG, Opener.AVI, Opener.RAW);

	/**
	 * @param channel 1-based channel to use
	 * @throws NoSuchFileException when the file is missing
	 * @throws IllegalArgumentException when the file cannot be read as a movie
	 */
	@Override
	public Movie open(final Path file, final int channel) throws IOException {
		if (Files.isDirectory(file)) throw new IllegalArgumentException(file +
			" is a folder, not a movie file");
		if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null,
			"no such movie");
		final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".czi")) return openCzi(file, channel);
		final boolean tiff = name.endsWith(".tif") || name.endsWith(".tiff");
		if (tiff) checkTiff(file);
		else if (!IMAGE_TYPES.contains(new Opener().getFileType(file.toString()))) throw new IllegalArgumentException(
			file + " is not an image file ImageJ reads (TIFF, CZI, PNG, JPEG, GIF, BMP, FITS, PGM, DICOM " +
				"...)");
		ImagePlus imp;
		try {
			imp = tiff ? IJ.openVirtual(file.toString()) : IJ.openImage(file.toString());
		}
		catch (final RuntimeException e) {
			// ImageJ's virtual stack dereferences a first plane its FileOpener could not open
			imp = null;
		}
		if (imp == null) {
			throw new IllegalArgumentException(file + " could not be opened as an image (supported: " +
				"TIFF and what ImageJ opens; CZI with the built-in reader)");
		}
		return ImagePlusMovie.wrap(imp, channel);
	}

	/**
	 * What ImageJ would stumble on later, refused now with the reason: an empty or damaged file, a
	 * plane too large to hold, or a file cut short (its planes would read as missing or as zeros,
	 * giving a silently shorter or wrong movie).
	 */
	static void checkTiff(final Path file) throws IOException {
		final long size = Files.size(file);
		if (size == 0) throw new IllegalArgumentException(file + " is empty (0 bytes), not a TIFF");
		try {
			TiffDirectories.check(file);
		}
		catch (final IOException e) {
			throw new IllegalArgumentException(e.getMessage(), e);
		}
		final FileInfo[] info;
		try {
			info = decoder(file).getTiffInfo();
		}
		catch (final IOException | RuntimeException e) {
			throw new IllegalArgumentException(file + " is not a readable TIFF: " + e.getMessage(), e);
		}
		if (info == null || info.length == 0) throw new IllegalArgumentException(file +
			" is not a readable TIFF: it holds no image");
		for (final FileInfo fi : info) {
			final long plane = (long) fi.width * fi.height * Math.max(1, fi.getBytesPerPixel());
			if (fi.width < 1 || fi.height < 1 || plane > Integer.MAX_VALUE) throw new IllegalArgumentException(
				file + " declares a " + fi.width + " x " + fi.height + " plane, which cannot be read");
			final long end = end(fi, plane);
			if (end > size) throw new IllegalArgumentException(file + " is cut short: its planes need " +
				end + " bytes but the file has " + size + " (an interrupted copy or save?)");
			if (fi.compression == FileInfo.ZIP || fi.compression == FileInfo.ZIP_WITH_DIFFERENCING)
				checkDeflated(file, fi);
		}
	}

	/**
	 * ImageJ inflates a damaged deflate strip forever (it waits for more input that never comes):
	 * each strip is inflated here first, once, with an end.
	 */
	private static void checkDeflated(final Path file, final FileInfo fi) throws IOException {
		if (fi.stripOffsets == null || fi.stripLengths == null) return;
		final byte[] out = new byte[1 << 16];
		try (java.nio.channels.FileChannel in = java.nio.channels.FileChannel.open(file)) {
			for (int i = 0; i < Math.min(fi.stripOffsets.length, fi.stripLengths.length); i++) {
				final java.nio.ByteBuffer strip = java.nio.ByteBuffer.allocate(fi.stripLengths[i]);
				in.read(strip, fi.stripOffsets[i] & 0xFFFFFFFFL);
				final java.util.zip.Inflater inflater = new java.util.zip.Inflater();
				try {
					inflater.setInput(strip.array(), 0, strip.position());
					while (!inflater.finished())
						if (inflater.inflate(out) == 0 && (inflater.needsInput() || inflater.needsDictionary()))
							throw new IllegalArgumentException(file + " is damaged: compressed strip " + (i + 1) +
								" of a plane ends early");
				}
				catch (final java.util.zip.DataFormatException e) {
					throw new IllegalArgumentException(file + " is damaged: compressed strip " + (i + 1) +
						" cannot be inflated (" + e.getMessage() + ")", e);
				}
				finally {
					inflater.end();
				}
			}
		}
	}

	/** Where the pixel data of {@code fi}'s planes end. */
	private static long end(final FileInfo fi, final long plane) {
		if (fi.stripOffsets != null && fi.stripLengths != null && fi.nImages <= 1) {
			long end = 0;
			for (int i = 0; i < Math.min(fi.stripOffsets.length, fi.stripLengths.length); i++)
				end = Math.max(end, (fi.stripOffsets[i] & 0xFFFFFFFFL) + (fi.stripLengths[i] & 0xFFFFFFFFL));
			return end;
		}
		return fi.getOffset() + Math.max(1, fi.nImages) * (plane + fi.getGap()) - fi.getGap();
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

	/**
	 * ImageJ's TIFF decoder for {@code file}, which takes a folder and a name: a bare file name
	 * given on the command line has no folder of its own, so the absolute path's is used.
	 */
	private static TiffDecoder decoder(final Path file) {
		final Path absolute = file.toAbsolutePath();
		return new TiffDecoder(absolute.getParent().toString() + java.io.File.separator, absolute
			.getFileName().toString());
	}

	/** The Info property (Image > Show Info) a TIFF carries, if any, read without its pixels. */
	public static Optional<String> info(final Path file) {
		try {
			TiffDirectories.check(file);
			final FileInfo[] info = decoder(file).getTiffInfo();
			return info == null || info.length == 0 ? Optional.empty() : Optional.ofNullable(info[0].info);
		}
		catch (final IOException e) {
			throw new IllegalArgumentException(file + " is not a readable TIFF: " + e.getMessage(), e);
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
