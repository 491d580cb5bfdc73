package org.pssr.app;

import org.pssr.crappify.GaussianDegradation;
import org.pssr.crappify.Normalisation;
import org.pssr.testing.TestModel;

/** A deterministic test model: the window's centre frame, upsampled by pixel replication. */
public final class NearestModel extends TestModel {

	boolean closed;

	NearestModel(final int frames, final int scale) {
		super(frames, scale);
	}

	public static OpenModel open(final int frames, final int scale) {
		return new OpenModel(new NearestModel(frames, scale), Normalisation.PSSR,
			new GaussianDegradation(scale, 0), "test: binning", null, "nearest-neighbour test model");
	}

	@Override
	public float[] predict(final float[] input, final int n, final int height, final int width) {
		final int frames = frames();
		final int scale = scale();
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
	public void close() {
		closed = true;
	}
}
