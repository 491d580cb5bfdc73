package org.pssr.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

class UNetTest {

	@Test
	void presetsGiveHrOutputsOfTheRightShape() {
		for (final String preset : new String[] { "small", "fast", "pssr" }) {
			final UNetConfig config = UNetConfig.preset(preset, 3, 2);
			try (UNet net = new UNet(config, Device.cpu(), 1); NDManager m = net.manager().newSubManager()) {
				final int lr = 16;
				final NDArray x = m.randomUniform(0, 1, new Shape(2, 3, lr, lr));
				final NDArray y = net.forward(x, false);
				assertEquals(new Shape(2, 1, 2 * lr, 2 * lr), y.getShape(), preset);
				assertTrue(net.parameterCount() > 10_000, preset);
				assertTrue(net.flopsPerHrPixel(512) > 1000, preset);
			}
		}
	}

	/**
	 * Inference closes each activation once no later step reads it, as PyTorch frees a tensor whose
	 * last reference goes; training keeps them. What a pass leaves in its manager is counted.
	 */
	@Test
	void inferenceLeavesOnlyTheOutputAndUpsamplingConstantsBehind() {
		for (final String preset : new String[] { "small", "fast", "pssr" }) {
			try (UNet net = new UNet(UNetConfig.preset(preset, 3, 2), Device.cpu(), 1)) {
				final int[] left = new int[2];
				for (final boolean training : new boolean[] { false, true }) {
					try (NDManager m = net.manager().newSubManager()) {
						final NDArray x = m.randomUniform(0, 1, new Shape(1, 3, 16, 16));
						final int before = m.getManagedArrays().size();
						net.forward(x, training);
						left[training ? 1 : 0] = m.getManagedArrays().size() - before;
					}
				}
				assertTrue(left[0] <= 10, preset + ": inference left " + left[0] + " arrays");
				assertTrue(left[1] > 5 * left[0], preset + ": training keeps its activations (" + left[1] +
					" arrays), inference left " + left[0]);
			}
		}
	}

	@Test
	void pixelShuffleInterleavesSubPixels() {
		try (NDManager m = NDManager.newBaseManager(Device.cpu(), Engines.ENGINE)) {
			// 4 channels of one value each become one 2x2 block, row-major.
			final NDArray x = m.create(new float[] { 1, 2, 3, 4 }, new Shape(1, 4, 1, 1));
			assertArrayEquals(new float[] { 1, 2, 3, 4 }, UNet.pixelShuffle(x, 2).toFloatArray());
		}
	}

	@Test
	void bilinearKeepsRampsAndConstants() {
		try (NDManager m = NDManager.newBaseManager(Device.cpu(), Engines.ENGINE)) {
			final NDArray x = m.create(new float[] { 0, 1, 2, 3 }, new Shape(1, 1, 1, 4));
			final float[] y = Bilinear.upsample(x, 2).toFloatArray();
			// Half-pixel centres: output x maps to (x + 0.5) / 2 - 0.5, clamped at the edges.
			assertArrayEquals(new float[] { 0, 0.25f, 0.75f, 1.25f, 1.75f, 2.25f, 2.75f, 3, 0, 0.25f, 0.75f,
				1.25f, 1.75f, 2.25f, 2.75f, 3 }, y, 1e-6f);
		}
	}

	@Test
	void untrainedNetworkStartsNearTheBilinearBaseline() {
		try (UNet net = new UNet(UNetConfig.preset("small", 3, 2), Device.cpu(), 3); NDManager m = net
			.manager().newSubManager())
		{
			final NDArray x = m.ones(new Shape(1, 3, 8, 8)).mul(0.5f);
			final float[] y = net.forward(x, false).toFloatArray();
			double err = 0;
			for (final float v : y) {
				err += Math.abs(v - 0.5);
			}
			assertTrue(err / y.length < 0.5, "mean deviation " + err / y.length);
		}
	}
}
