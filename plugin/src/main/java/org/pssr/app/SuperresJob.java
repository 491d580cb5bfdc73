package org.pssr.app;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import net.imglib2.img.array.ArrayImgs;

import org.pssr.crappify.Calibration;
import org.pssr.crappify.Degradation;
import org.pssr.crappify.IntensityMap;
import org.pssr.crappify.Logger;
import org.pssr.crappify.Movie;
import org.pssr.crappify.NoiseMatch;
import org.pssr.crappify.Provenance;
import org.pssr.crappify.io.Folders;
import org.pssr.crappify.io.ImageJTiffWriter;
import org.pssr.crappify.io.Outputs;
import org.pssr.crappify.io.MovieWriter;
import org.pssr.crappify.io.PixelFormat;
import org.pssr.train.infer.MovieSuperResolver;
import org.pssr.train.infer.UncertaintyMap;

/**
 * Super-resolves movies with one model into a TIFF, a folder of TIFFs or whatever a front end
 * writes frames to (Fiji: an image window): {@code pssr superres} and Super-Resolve Movie. Every
 * movie is checked before its output is created, and an output is committed only when complete.
 */
public final class SuperresJob {

	/** Suffix of the super-resolved file made for each movie of a folder. */
	public static final String SUFFIX = "_pssr.tif";

	/** Makes the writer of a super-resolved movie once its size is known. */
	@FunctionalInterface
	public interface Target {

		/** @param channels 1, or 2 with the uncertainty map as the second */
		MovieWriter open(long width, long height, int channels, int frames, PixelFormat format,
			Calibration calibration) throws IOException;
	}

	private final OpenModel model;
	private final MovieSuperResolver resolver;
	private final PixelFormat format;
	private final UncertaintyMap uncertainty;

	/**
	 * @throws IllegalArgumentException for an uncertainty map of a model that records no noise model
	 */
	public SuperresJob(final OpenModel model, final SuperresSettings settings) {
		this.model = model;
		this.resolver = model.resolver(settings.tile());
		this.format = PixelFormat.ofBits(settings.bits());
		this.uncertainty = settings.uncertainty() == 0 ? null : uncertainty(model, settings
			.uncertainty());
	}

	/**
	 * How this job makes its outputs, for their Info property.
	 *
	 * @param source the input's file; null for an image that has none
	 */
	public Provenance provenance(final Path source) throws IOException {
		final Provenance p = Provenance.of("superres").with("input", source == null
			? "(an image without a file)" : Provenance.describe(source));
		return settings(model.provenance(p));
	}

	private Provenance settings(final Provenance p) {
		p.with("tile", resolver.tile()).with("bits", format.bits());
		if (uncertainty != null) p.with("uncertainty", "channel 2: spread over " + uncertainty.draws() +
			" re-noisings of the input with the recipe's noise");
		return p;
	}

	/**
	 * The uncertainty map, a second channel: the spread of the outputs over {@code draws}
	 * re-noisings of the input with the model's noise model.
	 *
	 * @throws IllegalArgumentException when the model records no noise model
	 */
	private static UncertaintyMap uncertainty(final OpenModel model, final int draws) {
		final Degradation noise = model.noiseModel().orElseThrow(() -> new IllegalArgumentException(
			"the uncertainty map re-noises the input with the model's noise model, and this model " +
				"records none (" + model.recipe() + "): use a model trained by pssr, or leave out the " +
				"uncertainty"));
		return new UncertaintyMap(noise, draws, 1);
	}

	/**
	 * Says so when the middle frame of {@code range} is much less noisy than the model's training
	 * data: such a model smooths away detail as if it were noise, and can fall below bicubic.
	 */
	private void warnIfCleaner(final Movie movie, final FrameRange range,
		final IntensityMap normaliser, final Logger log)
	{
		model.noiseModel().ifPresent(noise -> {
			final double ratio = NoiseMatch.ratio(movie.frame((range.first() + range.last()) / 2 - 1),
				normaliser, noise);
			if (ratio < NoiseMatch.CLEANER) log.log(String.format(Locale.ROOT, "warning: this movie " +
				"has %s of the noise of the data the model was trained on (%s), so the model " +
				"may smooth its detail away as noise. A model trained with a recipe of your acquisition " +
				"('pssr calibrate', then 'pssr train --recipe') will do better; 'pssr evaluate --recipe' " +
				"shows the difference.", ratio < 0.01 ? "less than 1%" : String.format(Locale.ROOT,
					"about %.0f%%", 100 * ratio), model.recipe()));
		});
	}

	/**
	 * Says so at the start when Java may hold less than this movie's frames need
	 * ({@link JvmOptions#superresHeapBytes}), rather than after hours with "out of memory".
	 */
	private void warnIfHeapTooSmall(final Movie movie, final Logger log) {
		final long needed = JvmOptions.superresHeapBytes(movie.width(), movie.height(), model.model()
			.scale(), model.model().frames(), resolver.tile());
		final long allowed = Runtime.getRuntime().maxMemory();
		// the estimate has room for the collector; and maxMemory() leaves out a survivor space
		if (allowed < needed / 4 * 3) log.log(String.format(Locale.ROOT, "warning: super-resolving %d x %d " +
			"frames needs about %d MB of Java heap, and Java may use %d MB: it may run out of memory. " +
			"Give it more (pssr: PSSR_JAVA_OPTS=%s; Fiji: Edit > Options > Memory & Threads)", movie
				.width(), movie.height(), needed >> 20, allowed >> 20, JvmOptions.superresMaxHeap(movie
					.width(), movie.height(), model.model().scale(), model.model().frames(), resolver.tile())));
	}

	/** Device and tile in one line, for the log. */
	public String describe() {
		return String.format(Locale.ROOT, "%s, x%d, %d frames per window, tiles of %d px, %d-bit output",
			model.model().device(), model.model().scale(), model.model().frames(), resolver.tile(), format
				.bits());
	}

	/** Super-resolves {@code movie} into the writer {@code target} opens. */
	public void write(final Movie movie, final Target target, final Logger log) throws IOException {
		write(movie, new FrameRange(1, Math.max(1, movie.frames())), target, log);
	}

	/**
	 * Super-resolves frames {@code range} of {@code movie} into the writer {@code target} opens, as a
	 * run over the whole movie gives them (neighbours outside the range read, normalisation fitted on
	 * the whole movie).
	 */
	public void write(final Movie movie, final FrameRange range, final Target target,
		final Logger log) throws IOException
	{
		resolver.check(movie);
		range.within(movie.frames());
		// Everything that can refuse the movie comes before the output is opened.
		final IntensityMap normaliser = model.normaliser(movie);
		warnIfCleaner(movie, range, normaliser, log);
		warnIfHeapTooSmall(movie, log);
		final MovieWriter writer = target.open(resolver.outputWidth(movie), resolver.outputHeight(
			movie), uncertainty == null ? 1 : 2, range.length(), format, resolver.outputCalibration(movie));
		if (uncertainty == null) {
			resolver.write(movie, normaliser, range.first() - 1, range.last(), writer, log);
			return;
		}
		final long width = resolver.outputWidth(movie);
		final long height = resolver.outputHeight(movie);
		try {
			final Iterator<float[][]> frames = uncertainty.frames(resolver, movie, normaliser, range
				.first() - 1, range.last());
			for (int t = 0; frames.hasNext(); t++) {
				for (final float[] channel : frames.next())
					writer.write(ArrayImgs.floats(channel, width, height));
				log.progress("frames (with " + uncertainty.draws() + " re-noised draws each)", t + 1, range
					.length());
			}
			writer.close();
		}
		catch (final IOException | RuntimeException | Error e) {
			writer.abort();
			throw e;
		}
	}

	/**
	 * Frames {@code range} of {@code movie} as a part of {@code output} ({@link MovieParts}), with
	 * the intensity normalisation fitted on the whole movie as a single run fits it, so the joined
	 * parts are the movie one process writes. A part already complete for the same model, input and
	 * settings is left as it is.
	 *
	 * @param model the model file this job's model was opened from
	 * @param input the movie's file
	 * @return whether the part was written (false: it was already complete)
	 */
	public boolean toPart(final Movie movie, final Path model, final Path input, final int channel,
		final FrameRange range, final Path output, final OutputRule rule, final Logger log)
		throws IOException
	{
		range.within(movie.frames());
		if (uncertainty != null) throw new IllegalArgumentException("the uncertainty map is not made " +
			"for parts (--frames with an output file); super-resolve the movie in one run for it");
		final MovieParts parts = new MovieParts(output);
		for (final Path written : new Path[] { output, parts.folder() }) {
			Outputs.refuseOverwriting(written, input, "the input movie");
			Outputs.refuseOverwriting(written, model, "the model");
		}
		final IntensityMap normaliser;
		try {
			resolver.check(movie);
			normaliser = this.model.normaliser(movie);
		}
		catch (final IllegalArgumentException e) {
			throw Refusals.about(input, e);
		}
		final PartRecord wanted = record(movie, normaliser, FileIdentity.of(model), FileIdentity.of(
			input), channel, range);
		final Optional<PartRecord> done = parts.complete(range);
		if (done.isPresent() && done.get().sameRequest(wanted)) {
			log.log("frames " + range + " of " + input.getFileName() + " are already done (" + parts.tiff(
				range) + "); skipped");
			return false;
		}
		final Path tiff = parts.tiff(range);
		if (done.isPresent()) {
			// a complete part of another request is an earlier output: replaced only when asked
			rule.check("frames " + range + " of " + output.getFileName() + " (a part of another run: " +
				String.join("; ", done.get().differences(wanted)) + ")", tiff, OutputRule.Kind.MOVIE);
			log.log("frames " + range + ": replacing the part of another run");
		}
		else if (Files.exists(tiff) && !parts.recorded(range) && !rule.made(tiff, OutputRule.Kind.MOVIE)) {
			// a part with a record that does not match it, or a TIFF of pssr's without its record, is
			// unfinished or damaged work of a task, redone; anything else is not pssr's
			rule.check("frames " + range + " of " + output.getFileName(), tiff, OutputRule.Kind.MOVIE);
		}
		// the record has hashed both files already: a part's task reads each once
		final Provenance made = settings(this.model.provenance(Provenance.of("superres").with("input",
			wanted.input.describe()), Files.isRegularFile(model) ? wanted.model.describe() : null));
		wanted.provenance = made.text();
		warnIfCleaner(movie, range, normaliser, log);
		warnIfHeapTooSmall(movie, log);
		resolver.write(movie, normaliser, range.first() - 1, range.last(), new ImageJTiffWriter(tiff,
			wanted.width, wanted.height, 1, 1, range.length(), format, resolver.outputCalibration(movie),
			made.with("frames", range).text()), log);
		parts.commit(wanted);
		log.log("frames " + range + " of " + input.getFileName() + " -> " + tiff);
		return true;
	}

	private PartRecord record(final Movie movie, final IntensityMap normaliser,
		final FileIdentity modelFile, final FileIdentity inputFile, final int channel,
		final FrameRange range)
	{
		final PartRecord r = new PartRecord();
		r.model = modelFile;
		r.input = inputFile;
		r.channel = channel;
		r.first = range.first();
		r.last = range.last();
		r.movieFrames = movie.frames();
		r.width = resolver.outputWidth(movie);
		r.height = resolver.outputHeight(movie);
		r.scale = model.model().scale();
		r.bits = format.bits();
		// tiles as large as the frame or larger all make one tile of the whole frame: the same output
		r.tile = (int) Math.min(resolver.tile(), Math.max(movie.width(), movie.height()));
		final Calibration c = resolver.outputCalibration(movie);
		r.pixelWidth = c.pixelWidth();
		r.pixelHeight = c.pixelHeight();
		r.frameInterval = c.frameInterval();
		r.low = normaliser.low();
		r.high = normaliser.high();
		r.device = model.model().device();
		r.part = range.fileStem() + ".tif";
		return r;
	}

	/**
	 * @param source the movie's file, which the output may not replace; null when it has none
	 */
	public void toFile(final Movie movie, final Path source, final Path output, final OutputRule rule,
		final Logger log) throws IOException
	{
		if (Files.isDirectory(output)) throw new IllegalArgumentException(output +
			" is a folder; give a file name ending in .tif");
		Outputs.refuseOverwriting(output, source, "the input movie");
		Outputs.refuseOverwriting(output, model.file().orElse(null), "the model");
		rule.check("--output", output, OutputRule.Kind.MOVIE);
		final String info = provenance(source).text();
		try {
			write(movie, (w, h, channels, frames, f, c) -> new ImageJTiffWriter(output, w, h, channels, 1,
				frames, f, c, info), log);
		}
		catch (final IllegalArgumentException e) {
			throw Refusals.about(source, e);
		}
	}

	/**
	 * Every movie (TIFF, CZI) in {@code input} into {@code output}, as {@code NAME_pssr.tif}. A movie
	 * that cannot be done is reported and skipped; the others are still done. Every output is
	 * checked against {@code rule} before the first movie is done.
	 *
	 * @return the files written
	 * @throws IllegalArgumentException after the others are done, naming the movies that failed
	 */
	public List<Path> folder(final Path input, final Path output, final int channel,
		final MovieOpener opener, final OutputRule rule, final Logger log) throws IOException
	{
		final List<Path> movies = movieFiles(input);
		if (movies.isEmpty()) throw new IllegalArgumentException("no .tif, .tiff or .czi movies in " +
			input);
		if (Files.exists(output) && !Files.isDirectory(output)) throw new IllegalArgumentException(
			"--output " + output + " is a file; with a folder of movies, give a folder");
		for (final Path in : movies)
			rule.check("--output", output.resolve(baseName(in) + SUFFIX), OutputRule.Kind.MOVIE);
		final Folders.Made made = Folders.create(output);
		final List<Path> written = new ArrayList<>();
		final List<String> failures = new ArrayList<>();
		for (final Path in : movies) {
			final Path out = output.resolve(baseName(in) + SUFFIX);
			try {
				toFile(opener.open(in, channel), in, out, rule, log);
				written.add(out);
				log.log(in.getFileName() + " -> " + out);
			}
			catch (final IllegalArgumentException | IOException e) {
				failures.add(in.getFileName() + ": " + e.getMessage());
				log.log(in.getFileName() + " skipped: " + e.getMessage());
			}
		}
		if (written.isEmpty()) made.removeIfEmpty();
		if (!failures.isEmpty()) throw new IllegalArgumentException(failures.size() + " of " + movies
			.size() + " movies failed: " + String.join("; ", failures));
		return written;
	}

	static List<Path> movieFiles(final Path folder) throws IOException {
		final List<Path> files = new ArrayList<>();
		try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, SuperresJob::isMovie)) {
			dir.forEach(files::add);
		}
		files.sort(null);
		return files;
	}

	/** A TIFF or CZI that is neither hidden nor a result of an earlier run. */
	private static boolean isMovie(final Path file) {
		final String name = file.getFileName().toString();
		final String lower = name.toLowerCase(Locale.ROOT);
		// any name, line breaks included: a movie in the folder is never left out without a word
		return Files.isRegularFile(file) && (lower.endsWith(".tif") || lower.endsWith(".tiff") || lower
			.endsWith(".czi")) && !name.endsWith(SUFFIX) && !name.startsWith(".");
	}

	static String baseName(final Path file) {
		final String name = file.getFileName().toString();
		final int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}
}
