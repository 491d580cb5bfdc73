package org.pssr.app;

import static org.pssr.testing.OutputRules.KEEP;
import static org.pssr.testing.OutputRules.REPLACE;

import static org.pssr.testing.SameMovie.assertSameMovie;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ij.IJ;
import ij.ImagePlus;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.crappify.Logger;
import org.pssr.crappify.Movie;
import org.pssr.imagej.MovieFiles;
import org.pssr.testing.CodedMovies;
import org.pssr.testing.RecordingLogger;

/** A movie super-resolved in parts by separate jobs and joined, against one run over all of it. */
class MoviePartsTest {

	@TempDir
	Path dir;

	private Path model;
	private Path input;
	private Movie movie;

	@BeforeEach
	void movieAndModel() throws IOException {
		model = Files.write(dir.resolve("model.bin"), "weights".getBytes(StandardCharsets.UTF_8));
		input = coded("in.tif", 9);
		movie = MovieFiles.IMAGEJ.open(input, 1);
	}

	/** 100 * t + x + y: intensities rise through the movie, so a range has other percentiles. */
	private Path coded(final String name, final int frames) {
		final Path file = dir.resolve(name);
		IJ.saveAsTiff(CodedMovies.series(20, 16, frames), file.toString());
		return file;
	}

	private static SuperresJob job(final int bits) {
		return new SuperresJob(WindowModel.open(2), SuperresSettings.builder().tile(64).bits(bits)
			.build());
	}

	private void part(final SuperresJob job, final String range, final Path output)
		throws IOException
	{
		job.toPart(movie, model, input, 1, FrameRange.parse(range), output, KEEP, Logger.NONE);
	}

	private Path whole(final int bits) throws IOException {
		final Path out = dir.resolve("whole" + bits + ".tif");
		job(bits).toFile(movie, input, out, KEEP, Logger.NONE);
		return out;
	}

	@Test
	void partsJoinToTheBytesOfOneRunInFloatAndSixteenBits() throws IOException {
		for (final int bits : new int[] { 32, 16 }) {
			final Path out = dir.resolve("joined" + bits + ".tif");
			final SuperresJob job = job(bits);
			part(job, "5:8", out);
			part(job, "1:1", out);
			part(job, "9:9", out);
			part(job, "2:4", out);
			assertEquals(4, new MovieParts(out).join(false, KEEP, Logger.NONE));
			assertSameMovie(whole(bits), out);
			final String info = MovieFiles.info(out).orElse("");
			assertTrue(info.contains("joined: 4 parts") && info.contains("model: ") && info.contains(
				"input: "), "the joined movie records how it was made: " + info);
			assertTrue(MovieFiles.info(new MovieParts(out).tiff(FrameRange.parse("5:8"))).orElse("")
				.contains("frames: 5:8"), "and each part which frames it holds");
			final ImagePlus joined = IJ.openImage(out.toString());
			assertEquals(9, joined.getNFrames());
			assertEquals(0.25, joined.getCalibration().pixelWidth, 1e-12);
			assertEquals(3, joined.getCalibration().frameInterval, 1e-12);
			assertEquals(4, tiffs(new MovieParts(out).folder()).size(), "parts are kept");
			final MovieParts parts = new MovieParts(out);
			assertEquals(Files.getPosixFilePermissions(parts.tiff(FrameRange.parse("5:8"))), Files
				.getPosixFilePermissions(parts.record(FrameRange.parse("5:8"))),
				"records as readable as the parts, for the others of an imaging core");
		}
	}

	@Test
	void aPartComputedOnItsOwnFramesWouldDifferSoTheHaloMatters() throws IOException {
		final Path out = dir.resolve("out.tif");
		part(job(32), "4:6", out);
		final Path alone = coded("alone.tif", 9);
		final ImagePlus three = IJ.openImage(alone.toString());
		three.setStack(three.getStack().crop(0, 0, 3, 20, 16, 3));
		IJ.saveAsTiff(three, alone.toString());
		final Path cut = dir.resolve("cut.tif");
		job(32).toFile(MovieFiles.IMAGEJ.open(alone, 1), alone, cut, KEEP, Logger.NONE);
		final float[] inPart = plane(new MovieParts(out).tiff(FrameRange.parse("4:6")), 1);
		final float[] inWhole = plane(whole(32), 4);
		assertArrayEquals(inWhole, inPart);
		assertFalse(java.util.Arrays.equals(inWhole, plane(cut, 1)),
			"frames 4:6 super-resolved as a movie of their own must differ (ends mirrored, own percentiles)");
	}

	@Test
	void aRerunSkipsCompletePartsAndRedoesADamagedOne() throws IOException {
		final Path out = dir.resolve("out.tif");
		final SuperresJob job = job(32);
		part(job, "1:4", out);
		part(job, "5:9", out);
		final MovieParts parts = new MovieParts(out);
		final Path first = parts.tiff(FrameRange.parse("1:4"));
		final Path second = parts.tiff(FrameRange.parse("5:9"));
		final FileTime old = FileTime.fromMillis(1_000_000L);
		Files.setLastModifiedTime(first, old);
		Files.setLastModifiedTime(second, old);
		final byte[] bytes = Files.readAllBytes(second);
		bytes[bytes.length - 10] ^= 1;
		Files.write(second, bytes);
		Files.setLastModifiedTime(second, old);
		final RecordingLogger log = new RecordingLogger();
		assertFalse(job.toPart(movie, model, input, 1, FrameRange.parse("1:4"), out, KEEP, log));
		assertTrue(job.toPart(movie, model, input, 1, FrameRange.parse("5:9"), out, KEEP, log));
		assertEquals(old, Files.getLastModifiedTime(first), "a complete part is not written again");
		assertTrue(log.lines.get(0).contains("already done"), log.lines.toString());
		parts.join(false, KEEP, Logger.NONE);
		assertSameMovie(whole(32), out);
	}

	@Test
	void aPartOfAnotherModelIsReplacedByItsTaskWithOverwriteAndRefusedByJoin() throws IOException {
		final Path out = dir.resolve("out.tif");
		part(job(32), "1:4", out);
		final Path other = Files.write(dir.resolve("other.bin"), "other weights".getBytes(
			StandardCharsets.UTF_8));
		job(32).toPart(movie, other, input, 1, FrameRange.parse("5:9"), out, KEEP, Logger.NONE);
		final Map<String, byte[]> before = snapshot();
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new MovieParts(out).join(false, KEEP, Logger.NONE));
		assertTrue(e.getMessage().contains("different runs") && e.getMessage().contains(
			"model model.bin") && e.getMessage().contains("other.bin"), e.getMessage());
		assertUnchanged(before, out);

		final Map<String, byte[]> kept = snapshot();
		final OutputRule.Refusal refused = assertThrows(OutputRule.Refusal.class, () -> job(32).toPart(
			movie, model, input, 1, FrameRange.parse("5:9"), out, KEEP, Logger.NONE));
		assertTrue(refused.getMessage().contains("a part of another run") && refused.getMessage()
			.contains("other.bin"), refused.getMessage());
		assertUnchanged(kept, out);
		final RecordingLogger log = new RecordingLogger();
		assertTrue(job(32).toPart(movie, model, input, 1, FrameRange.parse("5:9"), out, REPLACE, log));
		assertTrue(log.lines.get(0).contains("replacing the part of another run"), log.lines.toString());
		new MovieParts(out).join(false, KEEP, Logger.NONE);
		assertSameMovie(whole(32), out);
	}

	@Test
	void aPartOfAnotherInputIsRefused() throws IOException {
		final Path out = dir.resolve("out.tif");
		part(job(32), "1:4", out);
		final Path otherInput = coded("other.tif", 10);
		job(32).toPart(MovieFiles.IMAGEJ.open(otherInput, 1), model, otherInput, 1, FrameRange.parse(
			"5:9"), out, KEEP, Logger.NONE);
		final Map<String, byte[]> before = snapshot();
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new MovieParts(out).join(false, KEEP, Logger.NONE));
		assertTrue(e.getMessage().contains("input in.tif") && e.getMessage().contains("other.tif"), e
			.getMessage());
		assertUnchanged(before, out);
	}

	@Test
	void tilesAsLargeAsTheFrameAgreeAndSmallerDifferentOnesAreRefused() throws IOException {
		input = dir.resolve("wide.tif");
		IJ.saveAsTiff(CodedMovies.series(80, 40, 6), input.toString());
		movie = MovieFiles.IMAGEJ.open(input, 1);
		final Path out = dir.resolve("out.tif");
		new SuperresJob(WindowModel.open(2), tiles(96)).toPart(movie, model, input, 1, FrameRange.parse(
			"1:3"), out, KEEP, Logger.NONE);
		new SuperresJob(WindowModel.open(2), tiles(1024)).toPart(movie, model, input, 1, FrameRange.parse(
			"4:6"), out, KEEP, Logger.NONE);
		new MovieParts(out).join(false, KEEP, Logger.NONE);
		final Path whole = dir.resolve("whole.tif");
		new SuperresJob(WindowModel.open(2), tiles(512)).toFile(movie, input, whole, KEEP, Logger.NONE);
		assertSameMovie(whole, out);

		final Path tiled = dir.resolve("tiled.tif");
		new SuperresJob(WindowModel.open(2), tiles(32)).toPart(movie, model, input, 1, FrameRange.parse(
			"1:3"), tiled, KEEP, Logger.NONE);
		new SuperresJob(WindowModel.open(2), tiles(48)).toPart(movie, model, input, 1, FrameRange.parse(
			"4:6"), tiled, KEEP, Logger.NONE);
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new MovieParts(tiled).join(false, KEEP, Logger.NONE));
		assertTrue(e.getMessage().contains("tiles of 32 vs 48 px: give every task the same --tile"), e
			.getMessage());
	}

	@Test
	void overlappingPartsAreRefusedAndNothingIsJoinedOrDeleted() throws IOException {
		final Path out = dir.resolve("out.tif");
		final SuperresJob job = job(32);
		part(job, "1:5", out);
		part(job, "4:9", out);
		final Map<String, byte[]> before = snapshot();
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new MovieParts(out).join(true, KEEP, Logger.NONE));
		assertTrue(e.getMessage().contains("1:5 and 4:9") && e.getMessage().contains("overlap"), e
			.getMessage());
		assertUnchanged(before, out);
	}

	@Test
	void missingFramesAreNamedAndNothingIsJoinedOrDeleted() throws IOException {
		final Path out = dir.resolve("out.tif");
		final SuperresJob job = job(32);
		part(job, "1:3", out);
		part(job, "7:8", out);
		final MovieParts parts = new MovieParts(out);
		// a part whose task was killed after its TIFF but before its record is not complete
		Files.copy(parts.tiff(FrameRange.parse("1:3")), parts.tiff(FrameRange.parse("4:6")));
		final Map<String, byte[]> before = snapshot();
		final IllegalArgumentException gap = assertThrows(IllegalArgumentException.class,
			() -> parts.join(true, KEEP, Logger.NONE));
		assertTrue(gap.getMessage().contains("frames 4:6 of out.tif have no complete part"), gap
			.getMessage());
		part(job, "4:6", out);
		final IllegalArgumentException end = assertThrows(IllegalArgumentException.class,
			() -> parts.join(true, KEEP, Logger.NONE));
		assertTrue(end.getMessage().contains("frames 9:9"), end.getMessage());
		assertFalse(Files.exists(out));
		assertTrue(snapshot().keySet().containsAll(before.keySet()));
		final IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
			() -> new MovieParts(dir.resolve("never.tif")).join(false, KEEP, Logger.NONE));
		assertTrue(none.getMessage().contains("never.parts does not exist"), none.getMessage());
	}

	@Test
	void aDamagedPartIsRefusedByJoin() throws IOException {
		final Path out = dir.resolve("out.tif");
		part(job(32), "1:9", out);
		final Path tif = new MovieParts(out).tiff(FrameRange.parse("1:9"));
		final byte[] bytes = Files.readAllBytes(tif);
		bytes[bytes.length / 2] ^= 1;
		Files.write(tif, bytes);
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new MovieParts(out).join(false, KEEP, Logger.NONE));
		assertTrue(e.getMessage().contains("damaged or incomplete"), e.getMessage());
		assertFalse(Files.exists(out));
	}

	@Test
	void anInputChangedSinceThePartsIsRefusedByJoin() throws IOException {
		final Path out = dir.resolve("out.tif");
		part(job(32), "1:9", out);
		IJ.saveAsTiff(CodedMovies.series(20, 16, 8), input.toString());
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new MovieParts(out).join(false, KEEP, Logger.NONE));
		assertTrue(e.getMessage().contains("were made from in.tif"), e.getMessage());
		assertFalse(Files.exists(out));
	}

	@Test
	void aRangeOutsideTheMovieIsRefusedBeforeAnythingIsWritten() throws IOException {
		final Path out = dir.resolve("out.tif");
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> part(job(32), "8:10", out));
		assertEquals("frames 8:10 are outside the movie, which has 9 frames (1:9)", e.getMessage());
		assertFalse(Files.exists(new MovieParts(out).folder()));
		assertThrows(IllegalArgumentException.class, () -> FrameRange.parse("0:3"));
		assertThrows(IllegalArgumentException.class, () -> FrameRange.parse("5:4"));
		assertThrows(IllegalArgumentException.class, () -> FrameRange.parse("3"));
	}

	@Test
	void deletePartsRemovesExactlyThePartsAfterASuccessfulJoin() throws IOException {
		final Path out = dir.resolve("out.tif");
		part(job(32), "1:6", out);
		part(job(32), "7:9", out);
		final Path folder = new MovieParts(out).folder();
		final Path note = Files.write(folder.resolve("notes.txt"), new byte[] { 1 });
		new MovieParts(out).join(true, KEEP, Logger.NONE);
		assertTrue(Files.isRegularFile(out));
		assertEquals(List.of(note), files(folder));
		Files.delete(note);
		part(job(32), "1:9", out);
		final OutputRule.Refusal refused = assertThrows(OutputRule.Refusal.class, () -> new MovieParts(out)
			.join(true, KEEP, Logger.NONE));
		assertTrue(refused.replaceable() && refused.getMessage().contains("add --overwrite"), refused
			.getMessage());
		new MovieParts(out).join(true, REPLACE, Logger.NONE);
		assertFalse(Files.exists(folder), "an emptied parts folder goes too");
	}

	@Test
	void chunksCoverTheMovieOnce() {
		assertEquals("[1:4, 5:8, 9:10]", FrameRange.chunks(10, 4).toString());
		assertEquals("[1:10]", FrameRange.chunks(10, 50).toString());
		assertThrows(IllegalArgumentException.class, () -> FrameRange.chunks(10, 0));
		assertEquals("[1:2147483647]", FrameRange.chunks(Integer.MAX_VALUE, Integer.MAX_VALUE)
			.toString(), "no overflow into a negative range");
		assertEquals("[1:2147483646, 2147483647:2147483647]", FrameRange.chunks(Integer.MAX_VALUE,
			Integer.MAX_VALUE - 1).toString());
		assertEquals("[1:5]", FrameRange.chunks(5, Integer.MAX_VALUE).toString());
	}

	private static float[] plane(final Path tif, final int frame) {
		final ImagePlus imp = IJ.openImage(tif.toString());
		return (float[]) imp.getStack().getProcessor(frame).getPixels();
	}

	private Map<String, byte[]> snapshot() throws IOException {
		final Map<String, byte[]> files = new TreeMap<>();
		for (final Path p : files(dir))
			files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
		return files;
	}

	/** Every file as it was, and no output. */
	private void assertUnchanged(final Map<String, byte[]> before, final Path out) throws IOException {
		final Map<String, byte[]> after = snapshot();
		assertEquals(before.keySet(), after.keySet());
		for (final String name : before.keySet())
			assertArrayEquals(before.get(name), after.get(name), name);
		assertFalse(Files.exists(out));
	}

	private static List<Path> tiffs(final Path folder) throws IOException {
		return files(folder).stream().filter(p -> p.toString().endsWith(".tif")).collect(Collectors
			.toList());
	}

	private static List<Path> files(final Path folder) throws IOException {
		try (Stream<Path> s = Files.walk(folder)) {
			return s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
		}
	}

	/** The default settings with LR tiles of {@code side} pixels. */
	private static SuperresSettings tiles(final int side) {
		return SuperresSettings.builder().tile(side).build();
	}
}
