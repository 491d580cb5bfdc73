package org.pssr.app;

import org.pssr.train.SuperResolutionModel;
import org.pssr.crappify.GaussianDegradation;
import org.pssr.crappify.Normalisation;

/** A deterministic test model: the window's centre frame, upsampled by pixel replication. */
public final class NearestModel implements SuperResolutionModel {

	private final int frames;
	private final int scale;
	boolean closed;

	NearestModel(final int frames, final int scale) {
		this.frames = frames;
		this.scale = scale;
	}

	public static OpenModel open(final int frames, final int scale) {
		return new OpenModel(new NearestModel(frames, scale), Normalisation.PSSR,
			new GaussianDegradation(scale, 0), "test: binning", null);
	}

	@Override
	public int frames() {
		return frames;
	}

	@Override
	public int scale() {
		return scale;
	}

	@Override
	public float[] predict(final float[] input, final int n, final int height, final int width) {
		final int hw = width * scale;
		final float[] out = new float[n * height * scale * hw];
		for (int b = 0; b < n; b++) {
			final int centre = (b * frames + frames / 2) * height * width;
			for (int y = 0; y < height * scale; y++)
				for (int x = 0; x < hw; x++)
					out[(b * height * scale + y) * hw + x] = input[centre + y / scale * width + x / scale];
		}
		return out;
	}

	@Override
	public String device() {
		return "test on cpu()";
	}

	@Override
	public void close() {
		closed = true;
	}
}
