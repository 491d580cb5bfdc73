package org.pssr.train.infer;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/** Frames as row-major float[], the layout {@link org.pssr.train.SuperResolutionModel} takes. */
public final class FrameArrays {

	private FrameArrays() {}

	/** A row-major copy of a 2D frame, whatever its origin. */
	public static float[] copy(final RandomAccessibleInterval<FloatType> frame) {
		final long size = frame.dimension(0) * frame.dimension(1);
		if (size > Integer.MAX_VALUE) throw new IllegalArgumentException("frame too large: " + size +
			" pixels");
		final float[] values = new float[(int) size];
		int i = 0;
		for (final FloatType v : Views.flatIterable(frame))
			values[i++] = v.get();
		return values;
	}

	/** A view of {@code values} as a {@code width x height} image, without copying. */
	public static ArrayImg<FloatType, FloatArray> wrap(final float[] values, final long width,
		final long height)
	{
		return ArrayImgs.floats(values, width, height);
	}
}
