package org.pssr.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * A network the trainer trains and a bundle holds, after imglib2's small interfaces: its shape, its
 * tensors and a forward pass. {@link UNet} is pssr's; a {@link NetworkFactory} in another jar may
 * add another.
 */
public interface Network extends AutoCloseable {

	Architecture architecture();

	/** Every tensor that determines the output: what checkpoints and bundles save. */
	Weights weights();

	NDManager manager();

	long parameterCount();

	/** Floating-point operations per HR output pixel, for HR tiles of side {@code hrTile}. */
	double flopsPerHrPixel(int hrTile);

	/**
	 * @param lr {@code n x frames x h x w}, normalised
	 * @return {@code n x 1 x (h * scale) x (w * scale)}
	 */
	NDArray forward(NDArray lr, boolean training);

	@Override
	void close();
}
