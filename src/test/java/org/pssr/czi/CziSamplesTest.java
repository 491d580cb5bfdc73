package org.pssr.czi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
			SampleFacts.assertCellDivision(czi, 240, 170);
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
			SampleFacts.assertSparseAiryScan(czi, 38, 36);
		}
	}

	@Test
	void refusesRealJpegXrNamingTheCodecAndBioFormats() throws IOException {
		try (CziFile czi = CziFile.open(SharedData.czi("LLS7_small_JPEGXR-synthetic.czi"))) {
			SampleFacts.assertRefusesJpegXr(czi);
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
