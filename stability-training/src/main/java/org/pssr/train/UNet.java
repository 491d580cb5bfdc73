package org.pssr.train;

import java.util.function.Consumer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.pssr.train.layout.UNetLayout;

/**
 * The PSSR network ({@link UNetLayout}) on DJL NDArrays: {@code frames} LR frames in as channels,
 * one HR frame out.
 *
 * <p>
 * Written on raw tensors rather than DJL blocks so the trainer owns every tensor: checkpoints hold
 * exactly what determines the next step. {@link #forward} may be called from several threads in
 * inference mode; training mode updates the batch-norm statistics and needs one thread.
 */
public final class UNet implements Network {

	private final UNetConfig config;
	private final UNetLayout layout;
	private final NDManager manager;
	private final Weights weights;

	public UNet(final UNetConfig config, final Device device, final long seed) {
		this.config = config;
		this.layout = UNetLayout.of(config);
		this.manager = Engines.pytorch().newBaseManager(device);
		this.weights = new Weights(manager, layout.tensors(), seed);
	}

	public UNetConfig config() {
		return config;
	}

	@Override
	public Architecture architecture() {
		return config;
	}

	@Override
	public Weights weights() {
		return weights;
	}

	@Override
	public NDManager manager() {
		return manager;
	}

	@Override
	public long parameterCount() {
		return weights.parameterCount();
	}

	/**
	 * Floating-point operations (multiply and add counted separately) per HR output pixel, for HR
	 * tiles of side {@code hrTile}; only self-attention makes this depend on the tile size.
	 */
	@Override
	public double flopsPerHrPixel(final int hrTile) {
		return layout.flopsPerHrPixel(hrTile);
	}

	/**
	 * @param lr {@code n x frames x h x w}, normalised
	 * @return {@code n x 1 x (h * scale) x (w * scale)}
	 */
	@Override
	public NDArray forward(final NDArray lr, final boolean training) {
		final ForwardPass pass = new ForwardPass(weights, lr, training);
		layout.interpret(pass);
		return pass.output();
	}

	@Override
	public void close() {
		manager.close();
	}

	/** Rearranges {@code n x (c s s) x h x w} to {@code n x c x (h s) x (w s)}. */
	static NDArray pixelShuffle(final NDArray x, final int s) {
		return pixelShuffle(x, s, done -> {});
	}

	/**
	 * {@link #pixelShuffle(NDArray, int)}, handing {@code x} and each intermediate view to
	 * {@code done} once the next one is made from it.
	 */
	static NDArray pixelShuffle(final NDArray x, final int s, final Consumer<NDArray> done) {
		final long[] d = x.getShape().getShape();
		final long c = d[1] / (s * s);
		final NDArray split = x.reshape(new Shape(d[0], c, s, s, d[2], d[3]));
		done.accept(x);
		final NDArray moved = split.transpose(0, 1, 4, 2, 5, 3);
		done.accept(split);
		final NDArray shuffled = moved.reshape(new Shape(d[0], c, d[2] * s, d[3] * s));
		done.accept(moved);
		return shuffled;
	}
}
