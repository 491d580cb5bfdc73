package org.pssr.czi;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pssr.testing.RealData;
import org.pssr.testing.SharedData;

/** Real samples cut short or corrupted: the reader decodes or refuses each one, nothing else. */
@RealData
class CziDamagedSamplesTest {

	private static final String[] SAMPLES = { "100x100.czi", "newCZI_compressed.czi",
		"LLS7_small.czi", "LLS7_small_JPEGXR-synthetic.czi", "LSM880_AiryScan.czi",
		"CellDivision_T3_Z5_CH2_X240_Y170_comp1.czi", "WellD6_S1.czi", "tiles_time_z.czi",
		"S3_1Pos_2Mosaic_T2Z3_CH2_sm.czi", "RGB-8bit.czi" };

	@Test
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void survivesMutationsOfTheRealSamples() throws IOException {
		final Map<String, byte[]> files = new LinkedHashMap<>();
		for (final String name : SAMPLES)
			files.put(name, Files.readAllBytes(SharedData.czi(name)));
		CziMutants.assertSurvived(files, 20261123);
	}

	@Test
	void refusesEveryTruncationOfARealSample() throws IOException {
		final byte[] sample = Files.readAllBytes(SharedData.czi("100x100.czi"));
		for (int length = 0; length < sample.length; length += 16) {
			final byte[] cut = Arrays.copyOf(sample, length);
			assertThrows(CziFormatException.class, () -> CziReading.readAll(cut), "length " + length);
		}
	}
}
