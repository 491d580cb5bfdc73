package org.pssr.bench;

import java.util.Locale;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.pssr.train.Engines;
import org.pssr.train.UNet;
import org.pssr.train.UNetConfig;

/**
 * Parameters and FLOPs per HR pixel of each preset (x4, 3 frames, 512 px HR tiles), and CPU
 * inference time of one 128 px LR window: {@code java -cp ... org.pssr.bench.ModelSizes}.
 */
public final class ModelSizes {

	private ModelSizes() {}

	public static void main(final String[] args) {
		System.out.println(Engines.describe(Device.cpu()));
		for (final String preset : new String[] { "small", "fast", "pssr" }) {
			try (UNet net = new UNet(UNetConfig.preset(preset, 3, 4), Device.cpu(), 1); NDManager m = net
				.manager().newSubManager())
			{
				final NDArray x = m.randomUniform(0, 1, new Shape(1, 3, 128, 128));
				net.forward(x, false).toFloatArray();
				final long t0 = System.nanoTime();
				net.forward(x, false).toFloatArray();
				final double s = (System.nanoTime() - t0) / 1e9;
				System.out.println(String.format(Locale.ROOT,
					"%s: %,d parameters, %.1f kFLOP/HR px, 128->512 px window %.2f s",
					preset, net.parameterCount(), net.flopsPerHrPixel(512) / 1e3,
					s));
			}
		}
	}
}
