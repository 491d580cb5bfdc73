package org.pssr.train.layout;

/**
 * Adds the bilinear upsampling of the input's centre frame to the network's output, so the network
 * learns a correction to the classic baseline and an untrained one starts from it.
 */
public final class AddCentre implements Step {

	private final int frame;
	private final int scale;

	AddCentre(final int frame, final int scale) {
		this.frame = frame;
		this.scale = scale;
	}

	/** Index of the centre frame among the input channels. */
	public int frame() {
		return frame;
	}

	public int scale() {
		return scale;
	}

	@Override
	public void accept(final Interpreter interpreter) {
		interpreter.addCentre(this);
	}
}
