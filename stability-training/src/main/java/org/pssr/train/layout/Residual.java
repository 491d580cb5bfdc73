package org.pssr.train.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * ResNet basic block: two 3x3 convolutions with batch norm, ReLU after the first, around an
 * identity shortcut, ReLU after the sum.
 */
public final class Residual implements Step {

	private final Convolution first;
	private final Convolution second;

	Residual(final String name, final int channels, final double area) {
		first = Convolution.normalised(name + ".a", channels, channels, 3, 1, area, true);
		second = Convolution.normalised(name + ".b", channels, channels, 3, 1, area, false);
	}

	public Convolution first() {
		return first;
	}

	public Convolution second() {
		return second;
	}

	@Override
	public void accept(final Interpreter interpreter) {
		interpreter.residual(this);
	}

	@Override
	public List<Tensor> tensors() {
		final List<Tensor> all = new ArrayList<>(first.tensors());
		all.addAll(second.tensors());
		return all;
	}

	@Override
	public double flopsPerHrPixel(final int hrTile) {
		return first.flopsPerHrPixel(hrTile) + second.flopsPerHrPixel(hrTile);
	}
}
