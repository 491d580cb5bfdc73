package org.pssr.train.exchange;

import org.pssr.crappify.synth.SyntheticFluorescenceMovie;
import org.pssr.train.infer.FrameArrays;

/**
 * The test window packaged with an export: consecutive frames of the synthetic fluorescence movie,
 * binned down by the model's scale, in camera counts (raw units, as a user's movie arrives).
 */
public final class ExportSample {

	private ExportSample() {}

	/** @return {@code frames x side x side}, row-major, raw units */
	public static float[] window(final int frames, final int scale, final int side, final long seed) {
		final int hr = side * scale;
		final SyntheticFluorescenceMovie movie = new SyntheticFluorescenceMovie(hr, hr, frames, seed);
		final float[] window = new float[frames * side * side];
		for (int t = 0; t < frames; t++) {
			final float[] frame = FrameArrays.copy(movie.frame(t));
			for (int y = 0; y < hr; y++) {
				for (int x = 0; x < hr; x++) {
					window[(t * side + y / scale) * side + x / scale] += frame[y * hr + x] / (scale * scale);
				}
			}
		}
		return window;
	}

	/** {@code c x h x w} to {@code h x w x c}. */
	static float[] channelsLast(final float[] chw, final int c, final int plane) {
		final float[] hwc = new float[chw.length];
		for (int ch = 0; ch < c; ch++) {
			for (int p = 0; p < plane; p++) {
				hwc[p * c + ch] = chw[ch * plane + p];
			}
		}
		return hwc;
	}
}
