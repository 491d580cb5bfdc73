package org.pssr.app;

import static org.pssr.testing.OutputRules.KEEP;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ij.IJ;
import ij.ImagePlus;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.crappify.Calibration;
import org.pssr.crappify.Logger;
import org.pssr.crappify.Normalisation;
import org.pssr.crappify.PoissonDegradation;
import org.pssr.imagej.ImagePlusMovie;
import org.pssr.imagej.MovieFiles;
import org.pssr.testing.ArrayMovie;
import org.pssr.testing.CodedMovies;
import org.pssr.testing.RecordingLogger;

class SuperresJobTest {

	@TempDir
	Path dir;

	/**
	 * Super-resolves the coded series ({@link CodedMovies#series}, 20 x 16) of {@code frames} frames
	 * with a {@code window}-frame {@link NearestModel} of scale 2 into a {@code bits}-bit file.
	 */
	private static void superres(final int window, final int frames, final int bits, final Path out,
		final Logger log) throws IOException
	{
		new SuperresJob(NearestModel.open(window, 2), SuperresSettings.builder().tile(64).bits(bits)
			.build()).toFile(ImagePlusMovie.wrap(CodedMovies.series(20, 16, frames), 1), null, out, KEEP,
				log);
	}

	@Test
	void anUncertaintyMapNeedsTheModelsNoiseModel() {
		final OpenModel imported = new OpenModel(new NearestModel(3, 2), Normalisation.PSSR, null, null,
			null, "an imported TensorFlow model");
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new SuperresJob(imported, SuperresSettings.builder().tile(64).uncertainty(4).build()));
		assertTrue(e.getMessage().contains("records none") && e.getMessage().contains(
			"model records no recipe"), e.getMessage());
		final IllegalArgumentException draws = assertThrows(IllegalArgumentException.class,
			() -> new SuperresJob(NearestModel.open(3, 2), SuperresSettings.builder().tile(64).uncertainty(1)
				.build()));
		assertTrue(draws.getMessage().contains("2 to 64"), draws.getMessage());
	}

	@Test
	void writesAFloatTiffWithAllFramesInInputUnitsAndScaledCalibration() throws IOException {
		final Path out = dir.resolve("out.tif");
		superres(3, 4, 32, out, Logger.NONE);
		final ImagePlus result = IJ.openImage(out.toString());
		assertNotNull(result);
		assertEquals(40, result.getWidth());
		assertEquals(32, result.getHeight());
		assertEquals(4, result.getNFrames());
		assertEquals(32, result.getBitDepth());
		assertEquals(0.25, result.getCalibration().pixelWidth, 1e-9);
		assertEquals(3, result.getCalibration().frameInterval, 1e-9);
		result.setT(3);
		assertEquals(200 + 5 + 7, result.getProcessor().getf(10, 14), 1e-2);
		assertEquals(List.of(out), files());
	}

	@Test
	void warnsWhenTheMovieIsMuchCleanerThanTheModelsTrainingData() throws IOException {
		final OpenModel lowDose = new OpenModel(new NearestModel(3, 2), Normalisation.PSSR,
			new PoissonDegradation(2), null, null, "a model trained on low-dose twins");
		final RecordingLogger clean = new RecordingLogger();
		new SuperresJob(lowDose, tiles(64)).toFile(ImagePlusMovie.wrap(CodedMovies.series(20, 16, 4), 1),
			null, dir.resolve("clean.tif"), KEEP, clean);
		assertTrue(clean.lines.stream().anyMatch(l -> l.startsWith("warning: this movie has ") &&
			l.contains("recipe poisson") && l.contains("pssr calibrate")), String.join("\n",
				clean.lines));

		final UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(3);
		final float[][] frames = new float[3][];
		for (int t = 0; t < 3; t++) {
			final float[] hr = new float[80 * 64];
			for (int i = 0; i < hr.length; i++)
				hr[i] = (float) (0.5 + 0.3 * Math.sin(i % 80 / 9.0 + t) * Math.cos(i / 80 / 7.0));
			frames[t] = new PoissonDegradation(2).apply(hr, 80, 64, rng);
		}
		final RecordingLogger noisy = new RecordingLogger();
		new SuperresJob(lowDose, tiles(64)).toFile(new ArrayMovie(40, 32, Calibration.UNKNOWN, frames),
			null, dir.resolve("noisy.tif"), KEEP, noisy);
		final RecordingLogger unknown = new RecordingLogger();
		superres(3, 4, 32, dir.resolve("other.tif"), unknown);
		for (final RecordingLogger quiet : List.of(noisy, unknown))
			assertTrue(quiet.lines.stream().noneMatch(l -> l.startsWith("warning")), String.join("\n",
				quiet.lines));
	}

	@Test
	void writesSixteenBitsOnRequest() throws IOException {
		final Path out = dir.resolve("out16.tif");
		superres(1, 2, 16, out, Logger.NONE);
		final ImagePlus result = IJ.openImage(out.toString());
		assertEquals(16, result.getBitDepth());
		assertEquals(100 + 3, result.getStack().getProcessor(2).get(6, 0));
	}

	@Test
	void aFiveFrameModelOnATwoFrameMovieLeavesNoFile() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> superres(5, 2, 32, dir.resolve("out.tif"), Logger.NONE));
		assertTrue(e.getMessage().contains("5 frames"), e.getMessage());
		assertEquals(List.of(), files());
	}

	@Test
	void aMissingOutputFolderIsMadeAndAFileOnThePathIsRefusedLeavingNothing() throws IOException {
		final Path made = dir.resolve("missing").resolve("out.tif");
		superres(3, 4, 32, made, Logger.NONE);
		assertEquals(List.of(made), files());
		final Path blocked = Files.write(dir.resolve("a-file"), new byte[] { 1 }).resolve("out.tif");
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> superres(3, 4, 32, blocked, Logger.NONE));
		assertTrue(e.getMessage().contains("is a file, not a folder"), e.getMessage());
		assertEquals(java.util.Set.of(dir.resolve("a-file"), made), java.util.Set.copyOf(files()));
	}

	@Test
	void theOutputIsNeverTheInputOrTheModelEvenThroughALink() throws IOException {
		final Path input = dir.resolve("in.tif");
		IJ.saveAsTiff(CodedMovies.series(20, 16, 4), input.toString());
		final byte[] before = Files.readAllBytes(input);
		final Path link = Files.createSymbolicLink(dir.resolve("link.tif"), input);
		final SuperresJob job = new SuperresJob(NearestModel.open(3, 2), tiles(64));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> job.toFile(
			MovieFiles.IMAGEJ.open(input, 1), input, link, KEEP, Logger.NONE));
		assertTrue(e.getMessage().contains("the input movie"), e.getMessage());
		assertArrayEquals(before, Files.readAllBytes(input));
	}

	@Test
	void aFolderIsDoneMovieByMovieAndABadMovieIsNamed() throws IOException {
		final Path in = Files.createDirectory(dir.resolve("in"));
		IJ.saveAsTiff(CodedMovies.series(20, 16, 4), in.resolve("a.tif").toString());
		IJ.saveAsTiff(CodedMovies.series(12, 12, 2), in.resolve("b.tif").toString());
		IJ.saveAsTiff(CodedMovies.series(16, 16, 3), in.resolve("c.tif").toString());
		final Path out = dir.resolve("out");
		final RecordingLogger log = new RecordingLogger();
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new SuperresJob(NearestModel.open(3, 2), tiles(64)).folder(in, out, 1, MovieFiles.IMAGEJ,
				KEEP, log));
		assertTrue(e.getMessage().startsWith("1 of 3 movies failed: b.tif"), e.getMessage());
		assertTrue(Files.isRegularFile(out.resolve("a_pssr.tif")));
		assertTrue(Files.isRegularFile(out.resolve("c_pssr.tif")));
		try (Stream<Path> s = Files.list(out)) {
			assertEquals(2, s.count());
		}
		assertEquals(3, log.lines.size(), log.lines.toString());
	}

	private List<Path> files() {
		try (Stream<Path> s = Files.walk(dir)) {
			return s.filter(Files::isRegularFile).collect(Collectors.toList());
		}
		catch (final IOException e) {
			throw new AssertionError(e);
		}
	}

	/** The default settings with LR tiles of {@code side} pixels. */
	private static SuperresSettings tiles(final int side) {
		return SuperresSettings.builder().tile(side).build();
	}
}
