package org.pssr.bench;

import ai.djl.Device;

import org.pssr.train.UNet;
import org.pssr.train.UNetConfig;

/** Analytic FLOP counts from {@link UNet#flopsPerHrPixel}. */
final class Flops {

	/** Backward costs about twice the forward (gradients for inputs and for weights). */
	static final double TRAINING_PER_FORWARD = 3;

	private Flops() {}

	static double perHrPixel(final String preset, final int hrTile) {
		try (UNet net = new UNet(UNetConfig.preset(preset, TrainingSteps.FRAMES, TrainingSteps.SCALE),
			Device.cpu(), 1))
		{
			return net.flopsPerHrPixel(hrTile);
		}
	}

	/** One twin step: 2B forward passes and their backward. */
	static double twinStep(final String preset, final int hrTile, final int batch) {
		return TRAINING_PER_FORWARD * 2.0 * batch * hrTile * (double) hrTile * perHrPixel(preset, hrTile);
	}
}
