package org.pssr.imagej;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.plugin.LutLoader;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.LUT;
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
	private final int channels;
	private final int frames;
	private final String title;
	private final Calibration calibration;
	private ImagePlus image;

	public ImageStackWriter(final String title, final long width, final long height, final int frames,
		final PixelFormat format, final Calibration calibration)
	{
		this(title, width, height, 1, frames, format, calibration);
	}

	/**
	 * @param channels 1, or 2: planes alternate between the movie and its uncertainty map, shown
	 *          with the Fire LUT
	 */
	public ImageStackWriter(final String title, final long width, final long height,
		final int channels, final int frames, final PixelFormat format, final Calibration calibration)
	{
		if (format == PixelFormat.UINT8) throw new IllegalArgumentException(
			"super-resolved movies are written with 16 or 32 bits");
		this.stack = new ImageStack((int) width, (int) height);
		this.format = format;
		this.channels = channels;
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
		final int plane = stack.getSize();
		stack.addSlice((channels == 2 && plane % 2 == 1 ? "uncertainty t" : "t") + (plane / channels + 1),
			ip);
	}

	@Override
	public void abort() {
		while (stack.getSize() > 0)
			stack.deleteLastSlice();
	}

	@Override
	public void close() {
		if (stack.getSize() != channels * frames) throw new IllegalStateException("only " + stack
			.getSize() / channels + " of " + frames + " frames were written");
		final ImagePlus plain = new ImagePlus(title, stack);
		plain.setDimensions(channels, 1, frames);
		if (channels > 1) {
			final CompositeImage composite = new CompositeImage(plain, IJ.COLOR);
			composite.setChannelLut(new LUT(LutLoader.getLut("grays"), 0, 0), 1);
			composite.setChannelLut(new LUT(LutLoader.getLut("fire"), 0, 0), 2);
			for (int c = channels; c >= 1; c--) {
				composite.setPositionWithoutUpdate(c, 1, 1);
				composite.resetDisplayRange();
			}
			image = composite;
		}
		else image = plain;
		ImageCalibrations.apply(calibration, image);
	}

	/** The finished movie; after {@link #close()}. */
	public ImagePlus image() {
		if (image == null) throw new IllegalStateException("the movie is not complete");
		return image;
	}
}
