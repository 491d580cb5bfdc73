package org.pssr.train.exchange;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

import com.google.gson.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.crappify.Normalisation;
import org.pssr.train.InvalidBundleException;
import org.pssr.train.ModelBundle;
import org.pssr.train.UNet;
import org.pssr.train.UNetConfig;
import org.pssr.train.tensorflow.SavedModels;

/**
 * A well-formed model whose weights are damaged (NaN, infinity, absurd values) is refused when it
 * loads, in every format, naming the file: it would otherwise super-resolve movies into NaN or
 * absurd pixels without a word.
 */
class DamagedModelTest {

	@TempDir
	Path dir;

	private static UNet damaged(final float value) {
		final UNet net = new UNet(UNetConfig.preset("small", 3, 2), Device.cpu(), 7);
		final NDArray first = net.weights().trainable().values().iterator().next();
		first.set(new NDIndex("0,0,0,0"), value);
		return net;
	}

	@Test
	void aBundleWhoseWeightsHoldNaNInfinityOrHugeValuesIsRefusedNamingIt() throws IOException {
		for (final float value : new float[] { Float.NaN, Float.NEGATIVE_INFINITY, 1e35f }) {
			final Path file = dir.resolve("damaged-" + Float.toString(value).replace('-', 'm') +
				ModelBundle.SUFFIX);
			try (UNet net = damaged(value)) {
				ModelBundle.save(file, net, Normalisation.PSSR, Optional.empty(), "test", new JsonObject());
			}
			final InvalidBundleException e = assertThrows(InvalidBundleException.class, () -> ModelBundle
				.load(file, "cpu"));
			assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("damaged") && e
				.getMessage().contains(value == 1e35f ? "1.0E35" : Float.isNaN(value) ? "NaN" : "infinity"), e
					.getMessage());
		}
	}

	@Test
	void aSavedModelThatTurnsATestWindowIntoNaNIsRefusedNamingIt() throws IOException {
		final Path folder = dir.resolve("savedmodel");
		try (UNet net = damaged(Float.NaN)) {
			SavedModels.write(net, new JsonObject(), folder);
		}
		// anyone's SavedModel: without pssr's description, its scale is measured
		Files.delete(folder.resolve(SavedModels.METADATA));
		assertTrue(Files.isRegularFile(folder.resolve("saved_model.pb")));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> ImportedModel.open(folder));
		assertTrue(e.getMessage().startsWith(folder.toString()) && e.getMessage().contains(
			"turns a test window into NaN values; its weights are damaged"), e.getMessage());
	}
}
