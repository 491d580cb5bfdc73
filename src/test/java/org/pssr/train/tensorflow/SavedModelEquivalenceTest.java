package org.pssr.train.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;

import ai.djl.Device;

import com.google.gson.JsonObject;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pssr.train.DjlSuperResolutionModel;
import org.pssr.train.RandomWeights;
import org.pssr.train.UNet;
import org.pssr.train.UNetConfig;

/**
 * Every preset, rebuilt as a TensorFlow graph and reloaded through DJL's TensorFlow engine, gives
 * the PyTorch network's output. The weights are randomised (batch-norm statistics and the attention
 * gain included), so a freshly initialised identity-like layer cannot hide a wrong mapping.
 */
class SavedModelEquivalenceTest {

	@TempDir
	Path tmp;

	@ParameterizedTest
	@CsvSource({ "small, 4, 20, 12", "fast, 2, 16, 24", "pssr, 4, 12, 8" })
	void tensorFlowExportMatchesPyTorch(final String preset, final int scale, final int height,
		final int width) throws Exception
	{
		try (UNet net = new UNet(UNetConfig.preset(preset, 3, scale), Device.cpu(), 7)) {
			RandomWeights.randomise(net, 11);
			final Path folder = tmp.resolve(preset);
			SavedModels.write(net, new JsonObject(), folder);
			final float[] input = new float[2 * 3 * height * width];
			final Random r = new Random(3);
			for (int i = 0; i < input.length; i++) {
				input[i] = (float) (r.nextGaussian() * 0.3 + 0.4);
			}
			final float[] expected = new DjlSuperResolutionModel(net).predict(input, 2, height, width);
			try (TensorFlowModel tf = TensorFlowModel.load(folder, 0, net.config().lrMultiple())) {
				assertEquals(3, tf.frames());
				assertEquals(scale, tf.scale(), "scale measured by the probe");
				final float[] got = tf.predict(input, 2, height, width);
				assertEquals(expected.length, got.length);
				double max = 0;
				double range = 0;
				for (int i = 0; i < got.length; i++) {
					max = Math.max(max, Math.abs(got[i] - expected[i]));
					range = Math.max(range, Math.abs(expected[i]));
				}
				System.out.printf("%s: max |TF - PyTorch| = %.3g (outputs up to %.3g)%n", preset, max, range);
				assertTrue(max < 1e-4 * Math.max(1, range), preset + ": max difference " + max);
			}
		}
	}
}
