package org.pssr.czi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every feature of the format the reader supports, on small files this test writes
 * ({@link CziFeatureFiles}): what {@code CziSamplesTest} checks on the real samples.
 */
class CziFeaturesTest {

	@TempDir
	Path dir;

	@ParameterizedTest
	@MethodSource("org.pssr.czi.CziFeatureFiles#decodable")
	void decodesEveryPlaneBitIdentical(final CziFeatureFiles.Writer writer) throws IOException {
		final CziFeature feature = writer.write(dir);
		try (CziFile czi = CziFile.open(feature.file())) {
			feature.content().assertReadFrom(czi);
			int planes = 0;
			for (final CziScene s : czi.scenes()) {
				czi.requireDecodable(s.index());
				planes += s.planeCount();
			}
			assertEquals(feature.content().planes().size(), planes, "no plane more than written");
		}
	}

	@ParameterizedTest
	@MethodSource("org.pssr.czi.CziFeatureFiles#all")
	void readsChannelNamesTimeStampsAndTimeIncrement(final CziFeatureFiles.Writer writer)
		throws IOException
	{
		final CziFeature feature = writer.write(dir);
		try (CziFile czi = CziFile.open(feature.file())) {
			final CziMetadata m = czi.metadata();
			assertEquals(feature.channelNames(), m.channelNames());
			assertArrayEquals(feature.timeStamps(), m.timeStamps(), 1e-12);
			if (Double.isNaN(feature.timeIncrement())) assertTrue(Double.isNaN(m.timeIncrement()), "" + m
				.timeIncrement());
			else assertEquals(feature.timeIncrement(), m.timeIncrement(), 1e-9);
		}
	}

	@Test
	void readsTheCalibrationChannelsAndTimeStamps() throws IOException {
		try (CziFile czi = CziFile.open(CziFeatureFiles.calibratedTimeLapse(dir).file())) {
			SampleFacts.assertCellDivision(czi, 24, 17);
		}
	}

	@Test
	void readsEachSceneAsItsOwnImage() throws IOException {
		try (CziFile czi = CziFile.open(CziFeatureFiles.scenesWithMosaics(dir).file())) {
			assertEquals(3, czi.scenes().size());
			for (final CziScene s : czi.scenes()) {
				assertEquals(s.index(), s.sceneStart());
				assertEquals(40000L * s.index(), s.originX(), "scenes 40000 px apart keep their own box");
				assertEquals(14, s.width());
				assertEquals(14, s.height());
				assertEquals(36, s.tileCount());
				assertEquals(12, s.planeCount());
			}
			assertEquals(33.412, czi.metadata().timeIncrement(), 1e-9);
			assertEquals(List.of("DAPI", "EGFP"), czi.metadata().channelNames());
		}
	}

	@Test
	void pastesMosaicTilesFromNegativeStarts() throws IOException {
		try (CziFile czi = CziFile.open(CziFeatureFiles.gray8Mosaic(dir).file())) {
			final CziScene s = czi.scene(0);
			assertEquals(-16, s.originX());
			assertEquals(-16, s.originY());
			assertEquals(32, s.width());
			assertEquals(32, s.height());
			assertEquals(32, s.tileCount());
			assertEquals(8, s.planeCount());
		}
	}

	@Test
	void reportsMissingPlanesOfASparseGrid() throws IOException {
		try (CziFile czi = CziFile.open(CziFeatureFiles.sparseGrid(dir).file())) {
			SampleFacts.assertSparseAiryScan(czi, 6, 5);
			assertEquals(256, czi.scene(0).gridSize());
		}
	}

	@Test
	void refusesJpegXrNamingTheCodecAndBioFormats() throws IOException {
		final CziFeature feature = CziFeatureFiles.jpegXr(dir);
		try (CziFile czi = CziFile.open(feature.file())) {
			SampleFacts.assertRefusesJpegXr(czi);
			assertEquals(feature.content().planes().size(), czi.scene(0).planeCount());
		}
	}

	@Test
	void readsRawPixelsFlaggedAsJpegXr() throws IOException {
		try (CziFile czi = CziFile.open(CziFeatureFiles.rawFlaggedAsJpegXr(dir).file())) {
			assertEquals(Set.of(CziCompression.JPEG_XR), czi.compressions());
			czi.requireDecodable(0);
		}
	}

	@Test
	void ignoresPyramidSubblocks() throws IOException {
		try (CziFile czi = CziFile.open(CziFeatureFiles.pyramid(dir).file())) {
			assertEquals(1, czi.scene(0).tileCount());
			assertEquals(34, czi.scene(0).width());
			assertEquals(28, czi.scene(0).height());
		}
	}

	@Test
	void readsTheSamePixelsUncompressedAndAsZstd1HiLo() throws IOException {
		assertEquals(shas(CziFeatureFiles.calibratedTimeLapse(dir)), shas(CziFeatureFiles
			.timeLapseZstd1HiLo(dir)));
	}

	private static List<String> shas(final CziFeature feature) throws IOException {
		final List<String> shas = new ArrayList<>();
		try (CziFile czi = CziFile.open(feature.file())) {
			for (final Map<Character, Integer> p : czi.scene(0).planes())
				shas.add(StoredBytes.sha256(StoredBytes.of(czi.readPlane(0, p))));
		}
		return shas;
	}

	/** The features' colour samples grow from B to R, so R is the brightest channel. */
	@ParameterizedTest
	@ValueSource(strings = { "bgr24", "bgr48Zstd1HiLo" })
	void readsColourAsRgbFromStoredBgr(final String feature) throws IOException {
		try (CziFile czi = CziFile.open(CziFeatureFiles.write(feature, dir).file())) {
			final ArrayImg<?, ?> img = czi.readPlane(0, 0, 0, 0);
			assertEquals(3, img.dimension(2));
			assertTrue(min(img, 0) > max(img, 2), "R is stored last, B first");
		}
	}

	private static double min(final ArrayImg<?, ?> img, final int channel) {
		return values(img, channel).stream().mapToDouble(Double::doubleValue).min().getAsDouble();
	}

	private static double max(final ArrayImg<?, ?> img, final int channel) {
		return values(img, channel).stream().mapToDouble(Double::doubleValue).max().getAsDouble();
	}

	private static List<Double> values(final ArrayImg<?, ?> img, final int channel) {
		final List<Double> values = new ArrayList<>();
		for (final Object o : Views.hyperSlice(img, 2, channel))
			values.add(((RealType<?>) o).getRealDouble());
		return values;
	}

	@Test
	void honoursShiftedPlaneStarts() throws IOException {
		try (CziFile czi = CziFile.open(CziFeatureFiles.bgr48Zstd1HiLo(dir).file())) {
			final CziScene s = czi.scene(0);
			assertEquals(5, s.start('C'));
			assertEquals(-3, s.start('T'));
			assertEquals(2, s.sizeC());
			assertEquals(2, s.sizeT());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "calibratedTimeLapse", "timeLapseZstd1HiLo" })
	void readsPlanesInParallelLikeOneByOne(final String feature) throws Exception {
		try (CziFile czi = CziFile.open(CziFeatureFiles.write(feature, dir).file())) {
			final Map<Integer, String> serial = ParallelPlaneReads.assertSameAsOneByOne(czi);
			assertEquals(czi.scene(0).sizeZ(), serial.values().stream().collect(Collectors.toSet()).size(),
				"the planes differ, so a mix-up would show");
		}
	}
}
