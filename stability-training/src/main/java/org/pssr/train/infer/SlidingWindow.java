package org.pssr.train.infer;

import org.pssr.crappify.Mirror;

/**
 * Which input frames feed the output frame {@code t}: {@code t-k .. t+k}, mirrored at the ends of the
 * movie (frame -1 is frame 1), so a movie of T frames gives T output frames.
 */
public final class SlidingWindow {

	private final int frames;
	private final int movieFrames;

	/**
	 * @param frames window length, odd
	 * @param movieFrames frames in the movie; at least {@code frames}
	 */
	public SlidingWindow(final int frames, final int movieFrames) {
		if (frames < 1 || frames % 2 == 0) throw new IllegalArgumentException(
			"a model must take an odd number of frames, not " + frames);
		if (movieFrames < frames) throw new IllegalArgumentException("the model takes " + frames +
			" frames at a time but the movie has only " + movieFrames +
			(movieFrames == 1 ? " frame" : " frames") + "; use a model trained for fewer frames");
		this.frames = frames;
		this.movieFrames = movieFrames;
	}

	public int length() {
		return frames;
	}

	/** The movie frames of the window centred on {@code t}, in order. */
	public int[] indices(final int t) {
		if (t < 0 || t >= movieFrames) throw new IndexOutOfBoundsException("frame " + t + " of " +
			movieFrames);
		final int k = frames / 2;
		final int[] indices = new int[frames];
		for (int i = 0; i < frames; i++)
			indices[i] = Mirror.index(t - k + i, movieFrames);
		return indices;
	}
}
