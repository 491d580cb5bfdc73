package org.pssr.imagej;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.pssr.crappify.Calibration;
import org.pssr.crappify.io.MovieWriter;
import org.pssr.crappify.io.PixelFormat;

/** Collects a movie into an ImageJ time series in memory: the result window when no file is asked for. */
public final class ImageStackWriter implements MovieWriter {

	private final ImageStack stack;
	private final PixelFormat format;
	private final int frames;
	private final String title;
	private final Calibration calibration;
	private ImagePlus image;

	public ImageStackWriter(final String title, final long width, final long height, final int frames,
		final PixelFormat format, final Calibration calibration)
	{
		if (format == PixelFormat.UINT8) throw new IllegalArgumentException(
			"super-resolved movies are written with 16 or 32 bits");
		this.stack = new ImageStack((int) width, (int) height);
		this.format = format;
		this.frames = frames;
		this.title = title;
		this.calibration = calibration;
	}

	@Override
	public void write(final RandomAccessibleInterval<? extends RealType<?>> frame) {
		final ImageProcessor ip = format == PixelFormat.FLOAT32 ? new FloatProcessor(stack.getWidth(),
			stack.getHeight()) : new ShortProcessor(stack.getWidth(), stack.getHeight());
		int i = 0;
		for (final RealType<?> v : Views.flatIterable(frame)) {
			final double value = v.getRealDouble();
			ip.setf(i++, (float) (format == PixelFormat.FLOAT32 ? value : Math.max(0, Math.min(65535,
				Math.rint(value)))));
		}
		stack.addSlice("t" + (stack.getSize() + 1), ip);
	}

	@Override
	public void abort() {
		while (stack.getSize() > 0)
			stack.deleteLastSlice();
	}

	@Override
	public void close() {
		if (stack.getSize() != frames) throw new IllegalStateException("only " + stack.getSize() +
			" of " + frames + " frames were written");
		image = new ImagePlus(title, stack);
		image.setDimensions(1, 1, frames);
		ImageCalibrations.apply(calibration, image);
	}

	/** The finished movie; after {@link #close()}. */
	public ImagePlus image() {
		if (image == null) throw new IllegalStateException("the movie is not complete");
		return image;
	}
}
