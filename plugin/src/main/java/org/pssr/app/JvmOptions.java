package org.pssr.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How to start the JVM of a process that runs a model over a movie ({@code pssr superres} and its
 * cluster tasks): the options of {@code jvm-superres.options} beside this class, which the
 * {@code pssr} script passes to java as well, and the heap such a task needs for its frames.
 */
public final class JvmOptions {

	/** The options file, a resource of this package; the pssr script reads it from the sources. */
	public static final String SUPERRES_OPTIONS = "jvm-superres.options";

	/**
	 * What the process holds besides its frames (ImageJ, picocli, DJL's wrappers, the model's
	 * description): about 10 MB live after collections in a whole-movie run of the benchmark's
	 * size ({@code -Xlog:gc}), with room for what Fiji adds.
	 */
	private static final long BASE_BYTES = 48L << 20;
	private static final long MB = 1 << 20;

	private JvmOptions() {}

	/** The options for a super-resolution process, in order. */
	public static List<String> superres() {
		try (InputStream in = JvmOptions.class.getResourceAsStream(SUPERRES_OPTIONS)) {
			if (in == null) throw new IllegalStateException(SUPERRES_OPTIONS +
				" is missing from the class path beside " + JvmOptions.class.getName());
			final List<String> options = new ArrayList<>();
			try (BufferedReader r = new BufferedReader(new InputStreamReader(in,
				StandardCharsets.UTF_8)))
			{
				for (String line = r.readLine(); line != null; line = r.readLine()) {
					final String option = line.trim();
					if (!option.isEmpty() && !option.startsWith("#")) options.add(option);
				}
			}
			return Collections.unmodifiableList(options);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The Java heap a super-resolution of {@code width x height} frames needs, in bytes, with room
	 * for the collector: the window's normalised frames, their copy as the model's input and the
	 * frame being read; the HR output frame and the one before it, not yet collected; one tile's
	 * input and outputs; what the process holds before its first frame. The model's own memory is
	 * native (PyTorch's), outside the heap.
	 *
	 * @param windowFrames frames the model takes at once
	 * @param tile LR tile side, as {@code --tile} gives it
	 */
	public static long superresHeapBytes(final long width, final long height, final int scale,
		final int windowFrames, final int tile)
	{
		if (width < 1 || height < 1 || scale < 1 || windowFrames < 1 || tile < 1)
			throw new IllegalArgumentException("no heap for " + width + " x " + height + " frames x" +
				scale + ", " + windowFrames + " frames a window, tiles of " + tile);
		final long lrFrame = width * height * Float.BYTES;
		final long hrFrame = lrFrame * scale * scale;
		final long side = (Math.min(tile, Math.max(width, height)) + 15) / 16 * 16;
		final long tileInput = windowFrames * side * side * Float.BYTES;
		final long tileOutput = side * side * scale * scale * Float.BYTES;
		final long live = BASE_BYTES + (2L * windowFrames + 2) * lrFrame + 2 * hrFrame + tileInput + 3 *
			tileOutput;
		return (live + live / 2 + MB - 1) / MB * MB;
	}

	/** {@link #superresHeapBytes} as a {@code -Xmx} option. */
	public static String superresMaxHeap(final long width, final long height, final int scale,
		final int windowFrames, final int tile)
	{
		return "-Xmx" + superresHeapBytes(width, height, scale, windowFrames, tile) / MB + "m";
	}
}
