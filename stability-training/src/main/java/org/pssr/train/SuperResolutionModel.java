package org.pssr.train;

/**
 * A trained network that turns a window of {@link #frames()} normalised LR frames into one HR frame
 * {@link #scale()} times larger. What the movie pipeline (sliding window, tiles, streaming) needs
 * from a model, whichever engine runs it.
 */
public interface SuperResolutionModel extends AutoCloseable {

	int frames();

	int scale();

	/**
	 * @param input {@code n} windows, each {@code frames() x height x width}, row-major, normalised
	 * @return {@code n} outputs, each {@code (height * scale()) x (width * scale())}, normalised
	 */
	float[] predict(float[] input, int n, int height, int width);

	/** Engine and device in one line, e.g. "PyTorch 2.3.0 on cpu()". */
	String device();

	@Override
	void close();
}
