package org.pssr.testing;

import org.pssr.train.SuperResolutionModel;

/**
 * What every deterministic test model shares: a window of a fixed number of frames, a fixed scale,
 * and no engine to name or release; a test model is then only its {@link #predict}.
 */
public abstract class TestModel implements SuperResolutionModel {

	private final int frames;
	private final int scale;

	protected TestModel(final int frames, final int scale) {
		this.frames = frames;
		this.scale = scale;
	}

	@Override
	public final int frames() {
		return frames;
	}

	@Override
	public final int scale() {
		return scale;
	}

	@Override
	public String device() {
		return "test on cpu()";
	}

	@Override
	public void close() {}
}
