package org.pssr.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.pssr.app.ModelFiles;
import org.pssr.app.OpenModel;
import org.pssr.train.ModelBundle;

/**
 * Model files on hostile bytes: pssr's model bundles, and bioimage.io packages (through the same
 * opener the commands use). The seed corpus (ModelFuzzTestInputs: a real tiny bundle, packages
 * broken one way each) is replayed in every build; JAZZER_FUZZ=1 fuzzes.
 */
class ModelFuzzTest {

	@FuzzTest(maxDuration = "30s")
	void bundleLoaderTakesOrRefusesAnyBytes(final byte[] bytes) {
		FuzzFiles.takenOrRefused(bytes, "fuzz.pssr.zip", file -> {
			try (ModelBundle b = ModelBundle.load(file, "cpu")) {
				b.model().predict(new float[b.frames() * 16 * 16], 1, 16, 16);
			}
		});
	}

	@FuzzTest(maxDuration = "30s")
	void packageOpenerTakesOrRefusesAnyBytes(final byte[] bytes) {
		FuzzFiles.takenOrRefused(bytes, "fuzz.zip", file -> {
			try (OpenModel m = ModelFiles.open(file, "cpu")) {
				m.model().scale();
			}
		});
	}
}
