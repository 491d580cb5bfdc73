package org.pssr.czi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parser on hostile bytes: success or a CziFormatException, never another exception, a hang
 * or an absurd allocation. The Jazzer test replays its seed corpus (synthetic files and the
 * inputs of crashes fixed so far, under CziFuzzTestInputs) in every build and fuzzes with
 * JAZZER_FUZZ=1; the mutation test fuzzes the feature files with a fixed seed in every build
 * ({@link CziDamagedSamplesTest} does the same to the real samples).
 */
class CziFuzzTest {

	@FuzzTest(maxDuration = "30s")
	void parsesAnyBytesOrRefusesThem(final byte[] input) {
		CziReading.readOrRefuse(input, "fuzz input");
	}

	@Test
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void survivesMutationsOfTheFeatureFiles(@TempDir final Path dir) throws IOException {
		final Map<String, byte[]> files = new LinkedHashMap<>();
		for (final Iterator<Named<CziFeatureFiles.Writer>> it = CziFeatureFiles.all().iterator(); it
			.hasNext();)
		{
			final Named<CziFeatureFiles.Writer> feature = it.next();
			files.put(feature.getName(), Files.readAllBytes(feature.getPayload().write(dir).file()));
		}
		CziMutants.assertSurvived(files, 20261123);
	}
}
