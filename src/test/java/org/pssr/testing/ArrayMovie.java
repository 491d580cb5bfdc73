package org.pssr.testing;

import java.util.function.IntUnaryOperator;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

import org.pssr.crappify.AbstractMovie;
import org.pssr.crappify.Calibration;

/** An in-memory movie for tests; remembers the highest frame index anyone asked for. */
public final class ArrayMovie extends AbstractMovie {

	private final float[][] frames;
	private final int width;
	private final int height;
	public int highestRead = -1;

	public ArrayMovie(final int width, final int height, final Calibration calibration,
		final float[]... frames)
	{
		super(width, height, frames.length, calibration);
		this.width = width;
		this.height = height;
		this.frames = frames;
	}

	/** Frame t constant at {@code value(t)}. */
	public static ArrayMovie constant(final int width, final int height, final int frames,
		final IntUnaryOperator value)
	{
		final float[][] data = new float[frames][width * height];
		for (int t = 0; t < frames; t++)
			java.util.Arrays.fill(data[t], value.applyAsInt(t));
		return new ArrayMovie(width, height, new Calibration(0.4, 0.4, 2), data);
	}

	/** Smooth random-looking texture, different in every frame. */
	public static ArrayMovie textured(final int width, final int height, final int frames) {
		final float[][] data = new float[frames][width * height];
		for (int t = 0; t < frames; t++)
			for (int y = 0; y < height; y++)
				for (int x = 0; x < width; x++)
					data[t][y * width + x] = (float) (100 + 50 * Math.sin(0.37 * x + 0.11 * t) * Math.cos(
						0.23 * y - 0.05 * t) + 20 * Math.sin(1.3 * x * y + t));
		return new ArrayMovie(width, height, Calibration.UNKNOWN, data);
	}

	@Override
	public RandomAccessibleInterval<FloatType> frame(final int t) {
		highestRead = Math.max(highestRead, t);
		return ArrayImgs.floats(frames[t], width, height);
	}
}
