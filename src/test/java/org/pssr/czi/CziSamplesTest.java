package org.pssr.czi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pssr.testing.RealData;
import org.pssr.testing.SharedData;

/**
 * Every real sample against what an independent decoder read from it (expected/*.json), and the
 * facts of the samples that the JSON does not hold. {@link CziFeaturesTest} checks the same on
 * files it writes.
 */
@RealData
class CziSamplesTest {

	static Stream<Path> expectations() throws IOException {
		try (Stream<Path> files = Files.list(SharedData.czi("expected"))) {
			final List<Path> list = files.filter(p -> p.toString().endsWith(".json")).sorted()
				.collect(Collectors.toList());
			assertFalse(list.isEmpty(), "no expected/*.json under " + SharedData.czi(""));
			return list.stream();
		}
	}

	@ParameterizedTest
	@MethodSource("expectations")
	void decodesEveryPlaneBitIdentical(final Path json) throws IOException {
		final JsonObject expected;
		try (Reader r = Files.newBufferedReader(json)) {
			expected = JsonParser.parseReader(r).getAsJsonObject();
		}
		try (CziFile czi = CziFile.open(SharedData.czi(expected.get("file").getAsString()))) {
			ExpectedContent.fromJson(expected).assertReadFrom(czi);
		}
	}

	@Test
	void readsTheCalibrationChannelsAndTimeStamps() throws IOException {
		try (CziFile czi = CziFile.open(SharedData.czi("CellDivision_T3_Z5_CH2_X240_Y170.czi"))) {
			final CziScene s = czi.scene(0);
			assertEquals(240, s.width());
			assertEquals(170, s.height());
			assertEquals(2, s.sizeC());
			assertEquals(5, s.sizeZ());
			assertEquals(3, s.sizeT());
			assertEquals(List.of("LED555", "LED470"), czi.metadata().channelNames());
			final double[] stamps = czi.metadata().timeStamps();
			assertEquals(3, stamps.length);
			assertEquals(360.42, stamps[0], 0.01);
			assertEquals(480.41, stamps[2], 0.01);
			assertEquals(60.075, czi.metadata().timeIncrement(), 1e-9);
			assertEquals(0.0906, czi.metadata().pixelWidth(), 1e-3);
			assertEquals(0.32, czi.metadata().zStep(), 1e-3);
		}
	}

	@Test
	void readsTheTimeIncrementOfTheXml() throws IOException {
		try (CziFile czi = CziFile.open(SharedData.czi("S3_1Pos_2Mosaic_T2Z3_CH2_sm.czi"))) {
			assertEquals(33.412, czi.metadata().timeIncrement(), 1e-9);
			assertEquals(3, czi.scenes().size());
			assertEquals(List.of("DAPI", "EGFP"), czi.metadata().channelNames());
		}
	}

	@Test
	void reportsMissingPlanesOfASparseGrid() throws IOException {
		try (CziFile czi = CziFile.open(SharedData.czi("LSM880_AiryScan.czi"))) {
			final CziScene s = czi.scene(0);
			assertEquals(38, s.width());
			assertEquals(36, s.height());
			assertEquals(8, s.sizeC());
			assertEquals(32, s.size('H'));
			assertTrue(s.letters().contains("H"));
			assertEquals(132, s.planeCount());
			assertTrue(s.gridSize() > s.planeCount());
			int present = 0;
			for (int c = 0; c < s.sizeC(); c++) {
				for (int h = 0; h < s.size('H'); h++) {
					final Map<Character, Integer> at = Map.of('C', c, 'H', h);
					if (s.hasPlane(at)) {
						assertEquals(38, czi.readPlane(0, at).dimension(0));
						present++;
					}
					else assertThrows(CziFormatException.class, () -> czi.readPlane(0, at));
				}
			}
			assertEquals(132, present);
		}
	}

	@Test
	void refusesRealJpegXrNamingTheCodecAndBioFormats() throws IOException {
		try (CziFile czi = CziFile.open(SharedData.czi("LLS7_small_JPEGXR-synthetic.czi"))) {
			final CziFormatException e = assertThrows(CziFormatException.class,
				() -> czi.requireDecodable(0));
			assertTrue(e.getMessage().contains("JPEG XR"), e.getMessage());
			assertTrue(e.getMessage().contains("Bio-Formats"), e.getMessage());
			final CziFormatException read = assertThrows(CziFormatException.class,
				() -> czi.readPlane(0, 0, 0, 0));
			assertTrue(read.getMessage().contains("JPEG XR"), read.getMessage());
		}
	}

	@Test
	void ignoresPyramidSubblocks() throws IOException {
		try (CziFile czi = CziFile.open(SharedData.czi("WellD6_S1.czi"))) {
			assertEquals(1, czi.scene(0).tileCount());
			assertEquals(544, czi.scene(0).width());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "CellDivision_T3_Z5_CH2_X240_Y170.czi",
		"CellDivision_T3_Z5_CH2_X240_Y170_comp1.czi" })
	void readsPlanesInParallelLikeOneByOne(final String name) throws Exception {
		try (CziFile czi = CziFile.open(SharedData.czi(name))) {
			ParallelPlaneReads.assertSameAsOneByOne(czi);
		}
	}
}
