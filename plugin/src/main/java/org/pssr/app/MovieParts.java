package org.pssr.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

import net.imglib2.img.array.ArrayImgs;

import org.pssr.crappify.Calibration;
import org.pssr.crappify.Logger;
import org.pssr.crappify.Provenance;
import org.pssr.crappify.Records;
import org.pssr.crappify.io.Checksums;
import org.pssr.crappify.io.ImageJTiffWriter;
import org.pssr.crappify.io.Outputs;
import org.pssr.crappify.io.PixelFormat;
import org.pssr.crappify.io.StagedOutput;
import org.pssr.crappify.io.TiffStackReader;

/**
 * The parts of one super-resolved movie, made by separate processes (the tasks of a SLURM array)
 * for ranges of its frames: {@code OUT.parts/frames-A-B.tif} with {@code frames-A-B.json} beside
 * {@code OUT.tif}. {@link #join} checks that the parts belong to one run and cover the movie once,
 * and only then writes {@code OUT.tif}, the same planes a single process writes.
 */
public final class MovieParts {

	public static final String FOLDER_SUFFIX = ".parts";
	private static final Pattern RECORD = Pattern.compile("frames-\\d{6,}-\\d{6,}\\.json");
	private static final Gson GSON = Records.gson();

	private final Path output;
	private final Path folder;

	/** @param output the whole super-resolved movie the parts are of */
	public MovieParts(final Path output) {
		this.output = output.toAbsolutePath().normalize();
		this.folder = this.output.resolveSibling(SuperresJob.baseName(this.output) + FOLDER_SUFFIX);
	}

	public Path folder() {
		return folder;
	}

	public Path tiff(final FrameRange range) {
		return folder.resolve(range.fileStem() + ".tif");
	}

	Path record(final FrameRange range) {
		return folder.resolve(range.fileStem() + ".json");
	}

	/** The record of the part for {@code range} if it is complete: recorded, and its TIFF matches. */
	Optional<PartRecord> complete(final FrameRange range) throws IOException {
		final Path file = record(range);
		if (!Files.isRegularFile(file)) return Optional.empty();
		final PartRecord r = read(file);
		return r.range().equals(range) && intact(r) ? Optional.of(r) : Optional.empty();
	}

	/** Whether the part for {@code range} has a record, complete or not. */
	boolean recorded(final FrameRange range) {
		return Files.isRegularFile(record(range));
	}

	/** Whether the part's TIFF is there with the size and checksum its record has. */
	private boolean intact(final PartRecord r) throws IOException {
		final Path tif = folder.resolve(r.part);
		return Files.isRegularFile(tif) && Files.size(tif) == r.partBytes && Checksums.sha256(tif)
			.equals(r.partSha256);
	}

	/** Completes a part whose TIFF is in place: records its checksum, atomically. */
	void commit(final PartRecord r) throws IOException {
		final Path tif = folder.resolve(r.part);
		r.partBytes = Files.size(tif);
		r.partSha256 = Checksums.sha256(tif);
		try (StagedOutput record = StagedOutput.file(record(r.range()))) {
			Files.write(record.path(), GSON.toJson(r).getBytes(StandardCharsets.UTF_8));
			record.commit();
		}
	}

	private PartRecord read(final Path file) throws IOException {
		try {
			final PartRecord r = GSON.fromJson(new String(Files.readAllBytes(file),
				StandardCharsets.UTF_8), PartRecord.class);
			if (r == null || r.format != PartRecord.FORMAT || r.model == null || r.input == null ||
				!(r.range().fileStem() + ".tif").equals(r.part) || !(r.range().fileStem() + ".json").equals(
					file.getFileName().toString()))
				throw new JsonParseException("fields missing or not matching the file name");
			return r;
		}
		catch (final JsonParseException | IllegalArgumentException e) {
			throw new IllegalArgumentException(file + " is not a part record of this pssr version (" + e
				.getMessage() + "); move it away and run its task again", e);
		}
	}

	/** Every record in the folder, in frame order. */
	private List<PartRecord> records() throws IOException {
		final List<PartRecord> records = new ArrayList<>();
		try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, p -> RECORD.matcher(p
			.getFileName().toString()).matches()))
		{
			for (final Path p : dir)
				records.add(read(p));
		}
		records.sort(Comparator.comparingInt((PartRecord r) -> r.first).thenComparingInt(r -> r.last));
		return records;
	}

	/**
	 * Writes the whole movie from its parts, when they are complete, of one model, input and set of
	 * settings, and cover every frame exactly once; otherwise says what is wrong and writes nothing.
	 * Parts are removed afterwards only when asked.
	 *
	 * @param rule whether an earlier movie at the output may be replaced
	 * @return the number of parts joined
	 * @throws IllegalArgumentException for missing, overlapping, damaged or mismatched parts
	 */
	public int join(final boolean deleteParts, final OutputRule rule, final Logger log)
		throws IOException
	{
		if (!Files.isDirectory(folder)) throw new IllegalArgumentException("no parts of " + output +
			": " + folder + " does not exist (run the superres tasks with --frames first)");
		final List<PartRecord> parts = records();
		if (parts.isEmpty()) throw new IllegalArgumentException("no complete part in " + folder +
			" (a part is complete once its .json record is written)");
		final PartRecord first = parts.get(0);
		for (final PartRecord p : parts) {
			final List<String> d = first.differences(p);
			if (!d.isEmpty()) throw new IllegalArgumentException("parts " + first.range() + " and " + p
				.range() + " in " + folder + " are from different runs (" + String.join("; ", d) +
				"); move away the parts of the run you do not want and run the missing tasks again");
		}
		int next = 1;
		PartRecord previous = null;
		for (final PartRecord p : parts) {
			if (p.first < next) throw new IllegalArgumentException("parts " + previous.range() + " and " +
				p.range() + " in " + folder + " overlap (different chunk sizes?); move away the parts " +
				"of the run you do not want");
			if (p.first > next) throw missing(next, p.first - 1);
			if (!intact(p)) throw new IllegalArgumentException("part " + p.range() + " in " + folder +
				" is damaged or incomplete (its TIFF does not match its record); run its task again");
			next = p.last + 1;
			previous = p;
		}
		if (next <= first.movieFrames) throw missing(next, first.movieFrames);
		Outputs.refuseOverwriting(output, Path.of(first.input.file()), "the input movie");
		rule.check("--output", output, OutputRule.Kind.MOVIE);
		checkInput(first, log);
		if (parts.stream().map(p -> p.device).distinct().count() > 1) log.log("note: the parts of " +
			output.getFileName() + " were computed on different devices; results agree only to " +
			"rounding between devices");
		write(parts, first, log);
		if (deleteParts) delete(parts);
		return parts.size();
	}

	private IllegalArgumentException missing(final int from, final int to) {
		return new IllegalArgumentException("frames " + new FrameRange(from, to) + " of " + output
			.getFileName() + " have no complete part in " + folder + "; run the tasks for them again");
	}

	/** Parts of an input that has changed since are stale: its tasks redo them, so join refuses. */
	private static void checkInput(final PartRecord r, final Logger log) throws IOException {
		final Path input = Path.of(r.input.file());
		if (!Files.exists(input)) {
			log.log("note: the input " + input + " is no longer there; joining the parts as recorded");
			return;
		}
		final FileIdentity now = FileIdentity.of(input);
		if (!now.sameAs(r.input)) throw new IllegalArgumentException("the parts were made from " +
			r.input + " but " + input + " is now " + now + "; run the superres tasks again");
	}

	private void write(final List<PartRecord> parts, final PartRecord first, final Logger log)
		throws IOException
	{
		final Calibration calibration = new Calibration(first.pixelWidth, first.pixelHeight,
			first.frameInterval);
		final PixelFormat format = PixelFormat.ofBits(first.bits);
		final String info = Provenance.parse(String.valueOf(first.provenance)).map(p -> p.with("joined",
			parts.size() + " parts").text()).orElse(null);
		try (ImageJTiffWriter writer = new ImageJTiffWriter(output, first.width, first.height, 1, 1,
			first.movieFrames, format, calibration, info))
		{
			try {
				for (final PartRecord p : parts) {
					try (TiffStackReader in = new TiffStackReader(folder.resolve(p.part))) {
						if (in.width() != first.width || in.height() != first.height || in.planes() != p.range()
							.length() || in.bitsPerSample() != first.bits) throw new IllegalArgumentException(
								"part " + p.range() + " in " + folder + " does not hold what its record says");
						for (int i = 0; i < in.planes(); i++) {
							writer.write(ArrayImgs.floats(in.readPlane(i), first.width, first.height));
							log.progress("joining", p.first + i, first.movieFrames);
						}
					}
				}
			}
			catch (final IOException | RuntimeException e) {
				writer.abort();
				throw e;
			}
		}
	}

	private void delete(final List<PartRecord> parts) throws IOException {
		for (final PartRecord p : parts) {
			Files.delete(record(p.range()));
			Files.delete(folder.resolve(p.part));
		}
		try (DirectoryStream<Path> left = Files.newDirectoryStream(folder)) {
			if (!left.iterator().hasNext()) Files.delete(folder);
		}
	}
}
