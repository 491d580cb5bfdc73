package org.pssr.crappify;

import org.pssr.crappify.Logger;
import static org.pssr.testing.SameDatasetFile.assertSameFile;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

import com.google.gson.JsonObject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.testing.RecordingLogger;
import org.pssr.crappify.io.Checksums;
import org.pssr.testing.MovieSuite;
import org.pssr.testing.TestMovie;

/** On synthetic stand-ins; {@link TwinDatasetRealDataTest} runs the same on the real movies. */
class TwinDatasetTest extends MovieSuite {

	private SourceMovie mitocheck;
	private SourceMovie drosophila;

	@TempDir
	Path dir;

	@BeforeEach
	void open() {
		mitocheck = TestMovies.source(movie(TestMovie.NUCLEI));
		drosophila = TestMovies.source(movie(TestMovie.SEQUENCE_2));
	}

	private TwinCrappifier crappifier(final List<SourceMovie> sources) {
		return new TwinCrappifier(sources, new PoissonDegradation(4), new TwinOptions().tile(64).seed(
			99).validation(0.2));
	}

	@Test
	void sameSeedGivesByteIdenticalDatasetsWithOneAndTwoThreads() throws IOException {
		final TwinCrappifier c = crappifier(List.of(mitocheck, drosophila));
		final RecordingLogger log = new RecordingLogger();
		new TwinDatasetWriter(c, 1, log).write(dir.resolve("one"), 37, 5);
		assertEquals(42, log.progress.size());
		assertEquals("twins 42/42", log.progress.get(41));
		new TwinDatasetWriter(c, 2, Logger.NONE).write(dir.resolve("two"), 37, 5);
		final List<Path> files = files(dir.resolve("one"));
		assertEquals(List.of("manifest.json", "train/lr1.tif", "train/lr2.tif", "train/targets.tif",
			"valid/lr1.tif", "valid/lr2.tif", "valid/targets.tif"), files.stream().map(
				p -> p.toString().replace('\\', '/')).collect(Collectors.toList()));
		assertEquals(files, files(dir.resolve("two")));
		for (final Path f : files) {
			assertSameFile(dir.resolve("one").resolve(f), dir.resolve("two").resolve(f));
		}
		assertEquals(2, Files.list(dir).count(), "temporary folders left behind");
	}

	@Test
	void readsBackWhatTheCrappifierDrewWithTheManifest() throws IOException {
		final TwinCrappifier c = crappifier(List.of(mitocheck));
		new TwinDatasetWriter(c, 2, Logger.NONE).write(dir.resolve("ds"), 9, 3);
		try (TwinDataset ds = TwinDataset.open(dir.resolve("ds"))) {
			assertEquals(4, ds.scale());
			assertEquals(3, ds.frames());
			assertEquals(64, ds.tile());
			assertEquals("poisson", ds.degradation().name());
			assertEquals(PoissonDegradation.DEFAULT_PHOTONS, ds.degradation().parameters().get("photons"));
			assertEquals(9, ds.train().size());
			assertEquals(3, ds.valid().size());
			for (final int i : new int[] { 8, 0, 4 }) {
				final TwinSample expected = c.draw(Split.TRAIN, 0, i);
				final TwinSample read = ds.train().get(17, i);
				assertArrayEquals(expected.x1(), read.x1());
				assertArrayEquals(expected.x2(), read.x2());
				assertArrayEquals(expected.target(), read.target());
				assertEquals(16, read.lrWidth());
			}
			assertArrayEquals(c.draw(Split.VALID, 0, 2).x2(), ds.valid().get(0, 2).x2());
			final JsonObject m = ds.manifest();
			final JsonObject source = m.getAsJsonArray("sources").get(0).getAsJsonObject();
			assertEquals(Checksums.sha256(movie(TestMovie.NUCLEI)), source.get("sha256")
				.getAsString());
			assertEquals(mitocheck.intensityMap().high(), source.get("high").getAsDouble());
			assertEquals(99, m.getAsJsonObject("draw").get("seed").getAsLong());
			assertEquals(Normalisation.PSSR, ds.normalisation());
			assertEquals(Normalisation.PSSR.toJson(), m.getAsJsonObject("normalisation"));
			assertTrue(ds.train().describe().contains("poisson"), ds.train().describe());
			final TwinCrappifier again = new TwinCrappifier(List.of(mitocheck), ds.degradation(), ds
				.options());
			assertArrayEquals(ds.train().get(0, 5).x2(), again.draw(Split.TRAIN, 0, 5).x2());
		}
	}

	@Test
	void anExistingDatasetIsReplacedButOtherFoldersAreRefused() throws IOException {
		final TwinCrappifier c = crappifier(List.of(mitocheck));
		final Path ds = dir.resolve("ds");
		new TwinDatasetWriter(c, 1, Logger.NONE).write(ds, 2, 1);
		new TwinDatasetWriter(c, 1, Logger.NONE).write(ds, 4, 0);
		try (TwinDataset read = TwinDataset.open(ds)) {
			assertEquals(4, read.train().size());
			assertEquals(0, read.valid().size());
		}
		final Path other = Files.createDirectories(dir.resolve("photos"));
		Files.write(other.resolve("holiday.jpg"), new byte[] { 1, 2, 3 });
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new TwinDatasetWriter(c, 1, Logger.NONE).write(other, 2, 1));
		assertTrue(e.getMessage().contains("not a twin dataset"), e.getMessage());
		assertEquals(List.of(Path.of("holiday.jpg")), files(other));
		assertEquals(2, Files.list(dir).count(), "something was written beside the folders");
	}

	@Test
	void aFailureHalfwayLeavesNothingBehind() throws IOException {
		final Movie movie = mitocheck.movie();
		final AtomicInteger reads = new AtomicInteger();
		final Movie failing = new AbstractMovie(movie) {

			@Override
			public RandomAccessibleInterval<FloatType> frame(final int t) {
				if (reads.incrementAndGet() > 40) throw new IllegalStateException("disk unplugged");
				return movie.frame(t);
			}
		};
		final TwinCrappifier c = crappifier(List.of(new SourceMovie("failing", null, failing,
			mitocheck.normalisation(), mitocheck.intensityMap())));
		final Path out = dir.resolve("ds");
		assertThrows(IllegalStateException.class, () -> new TwinDatasetWriter(c, 2,
			Logger.NONE).write(out, 50, 5));
		assertFalse(Files.exists(out));
		assertEquals(0, Files.list(dir).count(), "temporary folder left behind");
	}

	@Test
	void openingRefusesIncompleteOrInconsistentDatasets() throws IOException {
		final Path ds = dir.resolve("ds");
		assertThrows(IllegalArgumentException.class, () -> TwinDataset.open(ds));
		new TwinDatasetWriter(crappifier(List.of(mitocheck)), 1, Logger.NONE).write(ds, 3,
			1);
		final Path manifest = ds.resolve(TwinDataset.MANIFEST);
		final String json = new String(Files.readAllBytes(manifest), StandardCharsets.UTF_8);
		Files.write(manifest, json.replace("\"train\": 3", "\"train\": 4").getBytes(
			StandardCharsets.UTF_8));
		final IllegalArgumentException counts = assertThrows(IllegalArgumentException.class, () -> TwinDataset.open(ds));
		assertTrue(counts.getMessage().contains("targets.tif is 64 x 64 x 3"), counts.getMessage());
		Files.write(manifest, json.replace("\"version\": 1", "\"version\": 7").getBytes(
			StandardCharsets.UTF_8));
		assertThrows(IllegalArgumentException.class, () -> TwinDataset.open(ds));
	}

	private static List<Path> files(final Path root) throws IOException {
		try (Stream<Path> walk = Files.walk(root)) {
			final List<Path> out = new ArrayList<>();
			walk.filter(Files::isRegularFile).map(root::relativize).sorted().forEach(out::add);
			return out;
		}
	}
}
