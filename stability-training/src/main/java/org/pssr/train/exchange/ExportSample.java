package org.pssr.train.exchange;

import org.pssr.crappify.Degradation;
import org.pssr.crappify.GaussianDegradation;
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
		final Degradation binning = new GaussianDegradation(scale, 0);
		final float[] window = new float[frames * side * side];
		for (int t = 0; t < frames; t++) {
			System.arraycopy(binning.apply(FrameArrays.copy(movie.frame(t)), hr, hr, null), 0, window, t *
				side * side, side * side);
		}
		return window;
	}
}
