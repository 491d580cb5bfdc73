package org.pssr.train.layout;

/**
 * Bilinear upsampling of the input frames to the HR grid (half-pixel centres, edges clamped:
 * PyTorch's {@code align_corners=False}), so the U-Net runs at full resolution as PSSR's does.
 */
public final class UpsampleInput implements Step {

	private final int scale;

	UpsampleInput(final int scale) {
		this.scale = scale;
	}

	public int scale() {
		return scale;
	}

	@Override
	public void accept(final Interpreter interpreter) {
		interpreter.upsampleInput(this);
	}
}
