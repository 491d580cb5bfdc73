package org.pssr.train.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pssr.crappify.io.Archives;
import org.pssr.train.ModelBundle;
import org.pssr.train.tensorflow.TensorFlowModel;

/**
 * A bioimage.io package of layout 1, as pssr-fiji wrote them before packages ran in deepImageJ (no
 * {@code id}, axis scales 1 and 1/2, {@code scale_mean_variance} post-processing), exported from the
 * format 1 bundle beside it and committed: pssr keeps opening it, it gives that bundle's output, and
 * its test output is still what its post-processing declares.
 */
class LegacyPackageTest {

	private static Path resource(final String name) throws URISyntaxException {
		return Paths.get(LegacyPackageTest.class.getResource("/org/pssr/train/legacy/" + name).toURI());
	}

	@Test
	void aLayout1PackageOpensAndPredictsAsItsBundle() throws Exception {
		final Map<String, byte[]> files = Archives.read(resource("format1-tiny-layout1.zip"));
		final String rdf = new String(files.get("rdf.yaml"), java.nio.charset.StandardCharsets.UTF_8);
		assertFalse(rdf.contains("\nid:"), "layout 1 has no id");
		assertTrue(rdf.contains("scale_mean_variance"), rdf);
		final Npy.Array in = Npy.read(new ByteArrayInputStream(files.get("test_input.npy")));
		final Npy.Array out = Npy.read(new ByteArrayInputStream(files.get("test_output.npy")));
		final int side = (int) in.shape[1];
		final int frames = (int) in.shape[3];
		// test_input is 1 x y x x x frames: swapping the roles of channels and pixels transposes back
		final float[] raw = TensorFlowModel.channelsLast(in.values, 1, side * side, frames);
		try (ImportedModel pkg = ImportedModel.open(resource("format1-tiny-layout1.zip"));
			ModelBundle bundle = ModelBundle.load(resource("format1-tiny.pssr.zip"), "cpu"))
		{
			assertEquals(2, pkg.scale());
			assertEquals(3, pkg.frames());
			assertEquals(bundle.normalisation(), pkg.normalisation());
			assertEquals(bundle.recipe().get().toString(), pkg.recipe().get().toString());
			final float[] x = BioImageIoProcessing.scaleRange(raw, pkg.normalisation());
			final float[] expected = bundle.model().predict(x, 1, side, side);
			final float[] got = pkg.predict(x, 1, side, side);
			assertEquals(expected.length, got.length);
			assertEquals(out.values.length, got.length);
			final float[] declared = BioImageIoProcessing.scaleMeanVariance(got, raw);
			double network = 0;
			double testOutput = 0;
			double range = 0;
			for (int i = 0; i < got.length; i++) {
				network = Math.max(network, Math.abs(got[i] - expected[i]));
				testOutput = Math.max(testOutput, Math.abs(declared[i] - out.values[i]));
				range = Math.max(range, Math.abs(out.values[i]));
			}
			assertTrue(network <= 1e-4, "package vs bundle: " + network);
			assertTrue(testOutput <= 1e-5 * range, "test output vs its post-processing: " + testOutput +
				" for values up to " + range);
		}
	}
}
