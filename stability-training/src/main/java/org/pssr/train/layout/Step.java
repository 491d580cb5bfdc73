package org.pssr.train.layout;

import java.util.List;

/** One step of a {@link UNetLayout}. */
public interface Step {

	void accept(Interpreter interpreter);

	/** The tensors this step owns, in the order they are created. */
	default List<Tensor> tensors() {
		return List.of();
	}

	/**
	 * Floating-point operations (multiply and add counted separately) per HR output pixel, for HR
	 * tiles of side {@code hrTile}. Steps without weights count nothing: interpolation and additions
	 * cost a few operations per pixel against the convolutions' thousands.
	 */
	default double flopsPerHrPixel(final int hrTile) {
		return 0;
	}
}
