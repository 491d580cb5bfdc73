package org.pssr.train.infer;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import org.pssr.crappify.Calibration;
import org.pssr.crappify.Logger;
import org.pssr.crappify.Movie;
import org.pssr.crappify.io.MovieWriter;
import org.pssr.train.SaneValues;
import org.pssr.train.SuperResolutionModel;
import org.pssr.crappify.IntensityMap;

/**
 * Super-resolves a movie frame by frame: a mirrored sliding window of normalised LR frames goes
 * through the tiled model, the output is de-normalised to the input's units and handed on at once.
 * Only the frames of one window are held, so memory does not grow with the movie's length. A range
 * of frames reads the window's frames just outside it and mirrors at the movie's ends, not the
 * range's, so each of its frames is the one a run over the whole movie gives.
 */
public final class MovieSuperResolver {

	private final SuperResolutionModel model;
	private final TiledPredictor predictor;

	public MovieSuperResolver(final SuperResolutionModel model, final TiledPredictor predictor) {
		this.model = model;
		this.predictor = predictor;
	}

	/** With the tile size estimated from the memory of the model's device. */
	public MovieSuperResolver(final SuperResolutionModel model) {
		this(model, new TiledPredictor(model, TileSizes.forDevice(model.device(), model.scale())));
	}

	public int tile() {
		return predictor.tile();
	}

	/** Throws {@link IllegalArgumentException} with a message for the user if the movie cannot be done. */
	public void check(final Movie movie) {
		new SlidingWindow(model.frames(), movie.frames());
		if (movie.width() < 1 || movie.height() < 1) throw new IllegalArgumentException(
			"the movie has no pixels");
		final long hrPixels = movie.width() * model.scale() * movie.height() * model.scale();
		if (hrPixels > Integer.MAX_VALUE) throw new IllegalArgumentException("a " + movie.width() +
			" x " + movie.height() + " frame is too large to super-resolve x" + model.scale());
	}

	public long outputWidth(final Movie movie) {
		return movie.width() * model.scale();
	}

	public long outputHeight(final Movie movie) {
		return movie.height() * model.scale();
	}

	public Calibration outputCalibration(final Movie movie) {
		return movie.calibration().upsampled(model.scale());
	}

	/**
	 * The super-resolved frames of {@code movie}, computed one by one as they are asked for, in the
	 * input's intensity units (normalised by {@code normaliser} for the model, then mapped back).
	 */
	public Iterator<float[]> frames(final Movie movie, final IntensityMap normaliser) {
		return frames(movie, normaliser, 0, movie.frames());
	}

	/**
	 * The super-resolved frames {@code from} (inclusive) to {@code to} (exclusive) of {@code movie},
	 * 0-based, as {@link #frames(Movie, IntensityMap)} gives them.
	 */
	public Iterator<float[]> frames(final Movie movie, final IntensityMap normaliser, final int from,
		final int to)
	{
		return frames(movie, normaliser, from, to, InputNoise.NONE);
	}

	/**
	 * {@link #frames(Movie, IntensityMap, int, int)} of the movie with {@code noise} added to each
	 * normalised input frame (the same for a frame in every window it takes part in).
	 */
	public Iterator<float[]> frames(final Movie movie, final IntensityMap normaliser, final int from,
		final int to, final InputNoise noise)
	{
		check(movie);
		if (from < 0 || to > movie.frames() || from >= to) throw new IllegalArgumentException(
			"frames " + (from + 1) + ":" + to + " are not a range of the movie's " + movie.frames() +
				" frames");
		final SlidingWindow window = new SlidingWindow(model.frames(), movie.frames());
		final int width = (int) movie.width();
		final int height = (int) movie.height();
		final int frameSize = width * height;
		final Map<Integer, float[]> recent = new LinkedHashMap<Integer, float[]>(16, 0.75f, true) {

			private static final long serialVersionUID = 1L;

			@Override
			protected boolean removeEldestEntry(final Map.Entry<Integer, float[]> eldest) {
				return size() > window.length() + 1;
			}
		};
		final float[] input = new float[window.length() * frameSize];
		return new Iterator<float[]>() {

			private int t = from;

			@Override
			public boolean hasNext() {
				return t < to;
			}

			@Override
			public float[] next() {
				if (!hasNext()) throw new NoSuchElementException();
				final int[] indices = window.indices(t++);
				for (int i = 0; i < indices.length; i++) {
					final float[] frame = recent.computeIfAbsent(indices[i], f -> {
						final float[] values = FrameArrays.copy(movie.frame(f));
						requireFinite(values, f);
						normaliser.apply(values);
						noise.perturb(values, f);
						return values;
					});
					System.arraycopy(frame, 0, input, i * frameSize, frameSize);
				}
				final float[] output = predictor.predict(input, height, width);
				normaliser.invert(output);
				return sane(output, t - 1);
			}
		};
	}

	/**
	 * A NaN or infinity would spread through every convolution into the whole output frame: such
	 * a movie is refused, naming the frame, rather than super-resolved into garbage.
	 */
	private static void requireFinite(final float[] frame, final int t) {
		int bad = 0;
		for (final float v : frame)
			if (!Float.isFinite(v)) bad++;
		if (bad > 0) throw new IllegalArgumentException("frame " + (t + 1) + " of the input has " + bad +
			" NaN or infinite pixel(s); replace them (e.g. Process > Math > Remove NaNs) first");
	}

	/** Every frame of {@code movie}, super-resolved, in order, to {@code sink}. */
	public void run(final Movie movie, final IntensityMap normaliser, final FrameSink sink,
		final Logger log) throws IOException
	{
		run(movie, normaliser, 0, movie.frames(), sink, log);
	}

	/** Frames {@code from} to {@code to} (exclusive) of {@code movie}, super-resolved, in order. */
	public void run(final Movie movie, final IntensityMap normaliser, final int from, final int to,
		final FrameSink sink, final Logger log) throws IOException
	{
		final Iterator<float[]> frames = frames(movie, normaliser, from, to);
		for (int t = from; frames.hasNext(); t++) {
			sink.accept(t, frames.next());
			log.progress("frames", t - from + 1, to - from);
		}
	}

	/**
	 * Streams the super-resolved movie into {@code writer} and commits it; on any failure the
	 * writer is aborted, so no partial output is left behind.
	 */
	public void write(final Movie movie, final IntensityMap normaliser,
		final MovieWriter writer, final Logger log) throws IOException
	{
		write(movie, normaliser, 0, movie.frames(), writer, log);
	}

	/**
	 * {@code frame}, the output for frame {@code t} (from 0), when it holds sane values only: an input
	 * with NaN or infinite pixels is refused before inference, so such pixels in the output come from
	 * a damaged model, and no movie is written with them, nor evaluated.
	 *
	 * @throws IllegalArgumentException naming the frame
	 */
	private static float[] sane(final float[] frame, final int t) {
		final int bad = SaneValues.firstBad(frame);
		if (bad >= 0) throw new IllegalArgumentException("the model turned frame " + (t + 1) +
			" into " + SaneValues.describe(frame[bad]) + " pixels, which its input does not have: the " +
			"model is damaged; nothing was written");
		return frame;
	}

	/** {@link #write(Movie, IntensityMap, MovieWriter, Logger)} for frames {@code from} to {@code to}. */
	public void write(final Movie movie, final IntensityMap normaliser, final int from, final int to,
		final MovieWriter writer, final Logger log) throws IOException
	{
		final long width = outputWidth(movie);
		final long height = outputHeight(movie);
		try {
			run(movie, normaliser, from, to, (t, frame) -> writer.write(FrameArrays.wrap(frame, width,
				height)), log);
			writer.close();
		}
		catch (final IOException | RuntimeException | Error e) {
			writer.abort();
			throw e;
		}
	}
}
