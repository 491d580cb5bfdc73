package org.pssr.fiji;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import ij.ImagePlus;

import org.pssr.crappify.Movie;
import org.pssr.crappify.io.ImageJTiffWriter;
import org.pssr.crappify.io.PixelFormat;
import org.pssr.train.infer.MovieSuperResolver;
import org.pssr.train.infer.ProgressListener;
import org.pssr.train.infer.TileSizes;
import org.pssr.train.infer.TiledPredictor;

/**
 * Super-resolves movies with one model into a TIFF, a folder of TIFFs or an ImageJ window: what
 * the CLI and the Fiji command share. Every movie is checked before its output is created, and an
 * output is committed only when complete.
 */
public final class MovieSuperResolution {

	/** Suffix of the super-resolved file made for each movie of a folder. */
	public static final String SUFFIX = "_pssr.tif";

	private final OpenModel model;
	private final MovieSuperResolver resolver;
	private final PixelFormat format;

	/**
	 * @param tile LR tile side; 0 estimates it from the device's free memory
	 * @param bits 32 (float) or 16 (unsigned, rounded and clamped)
	 */
	public MovieSuperResolution(final OpenModel model, final int tile, final int bits) {
		if (bits != 32 && bits != 16) throw new IllegalArgumentException(
			"output bits must be 32 or 16, not " + bits);
		this.model = model;
		final int side = tile > 0 ? tile : TileSizes.forDevice(model.model().device(), model.model()
			.scale());
		this.resolver = new MovieSuperResolver(model.model(), new TiledPredictor(model.model(), side));
		this.format = PixelFormat.ofBits(bits);
	}

	/** Device and tile in one line, for the log. */
	public String describe() {
		return String.format(Locale.ROOT, "%s, x%d, %d frames per window, tiles of %d px, %d-bit output",
			model.model().device(), model.model().scale(), model.model().frames(), resolver.tile(), format
				.bits());
	}

	public ImagePlus toImage(final Movie movie, final String title, final ProgressListener progress)
		throws IOException
	{
		resolver.check(movie);
		final ImageStackWriter writer = new ImageStackWriter(title, resolver.outputWidth(movie),
			resolver.outputHeight(movie), movie.frames(), format, resolver.outputCalibration(movie));
		resolver.write(movie, model.normaliser(movie), writer, progress);
		return writer.image();
	}

	public void toFile(final Movie movie, final Path output, final ProgressListener progress)
		throws IOException
	{
		resolver.check(movie);
		if (Files.isDirectory(output)) throw new IllegalArgumentException(output +
			" is a folder; give a file name ending in .tif");
		final ImageJTiffWriter writer = new ImageJTiffWriter(output, resolver.outputWidth(movie),
			resolver.outputHeight(movie), movie.frames(), format, resolver.outputCalibration(movie));
		resolver.write(movie, model.normaliser(movie), writer, progress);
	}

	/**
	 * Every movie (TIFF, CZI) in {@code input} into {@code output}, as {@code NAME_pssr.tif}. A movie
	 * that cannot be done is reported and skipped; the others are still done.
	 *
	 * @return the files written
	 * @throws IllegalArgumentException after the others are done, naming the movies that failed
	 */
	public List<Path> folder(final Path input, final Path output, final int channel,
		final Consumer<String> log, final ProgressListener progress) throws IOException
	{
		final List<Path> movies = movieFiles(input);
		if (movies.isEmpty()) throw new IllegalArgumentException("no .tif, .tiff or .czi movies in " +
			input);
		Files.createDirectories(output);
		final List<Path> written = new ArrayList<>();
		final List<String> failures = new ArrayList<>();
		for (final Path in : movies) {
			final Path out = output.resolve(baseName(in) + SUFFIX);
			try {
				toFile(MovieFiles.open(in, channel), out, progress);
				written.add(out);
				log.accept(in.getFileName() + " -> " + out);
			}
			catch (final IllegalArgumentException | IOException e) {
				failures.add(in.getFileName() + ": " + e.getMessage());
				log.accept(in.getFileName() + " skipped: " + e.getMessage());
			}
		}
		if (!failures.isEmpty()) throw new IllegalArgumentException(failures.size() + " of " + movies
			.size() + " movies failed: " + String.join("; ", failures));
		return written;
	}

	static List<Path> movieFiles(final Path folder) throws IOException {
		final List<Path> files = new ArrayList<>();
		try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder,
			MovieSuperResolution::isMovie))
		{
			dir.forEach(files::add);
		}
		files.sort(null);
		return files;
	}

	/** A TIFF or CZI that is neither hidden nor a result of an earlier run. */
	private static boolean isMovie(final Path file) {
		final String name = file.getFileName().toString();
		return Files.isRegularFile(file) && name.toLowerCase(Locale.ROOT).matches(".*\\.(tiff?|czi)$") &&
			!name.endsWith(SUFFIX) && !name.startsWith(".");
	}

	static String baseName(final Path file) {
		final String name = file.getFileName().toString();
		final int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}
}
