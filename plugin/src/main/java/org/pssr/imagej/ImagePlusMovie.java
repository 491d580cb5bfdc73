package org.pssr.imagej;

import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

import org.pssr.app.SourceMovies;
import org.pssr.crappify.AbstractMovie;
import org.pssr.crappify.Movie;
import org.pssr.crappify.SourceMovie;

/**
 * The ImagePlus to {@link Movie} bridge: one channel (and one slice) of an image, its frames
 * wrapped as float views of the stack's own pixel arrays. Virtual stacks stay virtual, so a movie
 * opened with {@code IJ.openVirtual} streams from disk frame by frame.
 */
public final class ImagePlusMovie extends AbstractMovie {

	private final ImagePlus imp;
	private final int channel;
	private final int slice;
	private final boolean slicesAsTime;

	private ImagePlusMovie(final ImagePlus imp, final int channel, final int slice,
		final boolean slicesAsTime)
	{
		super(imp.getWidth(), imp.getHeight(), slicesAsTime ? imp.getNSlices() : imp.getNFrames(),
			calibrationOf(imp, slicesAsTime));
		this.imp = imp;
		this.channel = channel;
		this.slice = slice;
		this.slicesAsTime = slicesAsTime;
	}

	/**
	 * Wraps channel {@code channel} (1-based) of {@code imp}. A stack with slices but no frames is
	 * taken as a time series, as users of plain TIFF stacks expect; {@link #slicesAsTime()} tells
	 * when that happened so callers can say so.
	 *
	 * @throws IllegalArgumentException for RGB images and channels that do not exist
	 */
	public static ImagePlusMovie wrap(final ImagePlus imp, final int channel) {
		if (imp.getType() == ImagePlus.COLOR_RGB || imp.getType() == ImagePlus.COLOR_256) {
			throw new IllegalArgumentException("'" + imp.getTitle() + "' is an RGB/colour image; " +
				"PSSR works on one fluorescence channel: split the channels (Image > Color > Split " +
				"Channels) or convert to 8/16/32-bit first");
		}
		if (channel < 1 || channel > imp.getNChannels()) {
			throw new IllegalArgumentException("'" + imp.getTitle() + "' has " + imp.getNChannels() +
				" channel(s); channel " + channel + " does not exist");
		}
		final boolean slicesAsTime = imp.getNFrames() == 1 && imp.getNSlices() > 1;
		return new ImagePlusMovie(imp, channel, 1, slicesAsTime);
	}

	/**
	 * An open image as a crappifier source, refused when it is a Z-stack and {@code zAsTime} is not
	 * set; its file is recorded (and hashed) when ImageJ knows it.
	 */
	public static SourceMovie source(final ImagePlus imp, final int channel, final boolean zAsTime) {
		return SourceMovies.of(imp.getTitle(), file(imp).orElse(null), wrap(imp, channel), zAsTime);
	}

	/** The file {@code imp} was opened from, when ImageJ knows it and it is still there. */
	public static Optional<Path> file(final ImagePlus imp) {
		final ij.io.FileInfo info = imp.getOriginalFileInfo();
		if (info == null || info.directory == null || info.fileName == null) return Optional.empty();
		final Path p = Path.of(info.directory, info.fileName);
		return Files.isRegularFile(p) ? Optional.of(p.toAbsolutePath()) : Optional.empty();
	}

	public ImagePlus image() {
		return imp;
	}

	@Override
	public boolean slicesAsTime() {
		return slicesAsTime;
	}

	@Override
	public RandomAccessibleInterval<FloatType> frame(final int t) {
		if (t < 0 || t >= frames()) {
			throw new IndexOutOfBoundsException("frame " + t + " of a " + frames() + "-frame movie");
		}
		final int index = slicesAsTime ? imp.getStackIndex(channel, t + 1, 1) : imp.getStackIndex(
			channel, slice, t + 1);
		final ImageStack stack = imp.getStack();
		return asFloat(stack.getPixels(index), imp.getWidth(), imp.getHeight());
	}

	/** A float view of an ImageJ pixel array, without copying it. */
	static RandomAccessibleInterval<FloatType> asFloat(final Object pixels, final int w,
		final int h)
	{
		// ImageJ's readers return short planes for some damaged files instead of failing
		final int length = pixels != null && pixels.getClass().isArray() ? Array.getLength(pixels) : -1;
		if (length >= 0 && length != (long) w * h) throw new IllegalArgumentException(
			"ImageJ read a plane of " + length + " pixels where the file declares " + w + " x " + h +
				": the file is damaged");
		if (pixels instanceof float[]) return ArrayImgs.floats((float[]) pixels, w, h);
		if (pixels instanceof short[]) {
			return toFloat(ArrayImgs.unsignedShorts((short[]) pixels, w, h));
		}
		if (pixels instanceof byte[]) return toFloat(ArrayImgs.unsignedBytes((byte[]) pixels, w, h));
		throw new IllegalArgumentException("unsupported pixel array " + (pixels == null ? "(none)"
			: pixels.getClass().getSimpleName()));
	}

	private static <T extends RealType<T>> RandomAccessibleInterval<FloatType> toFloat(
		final RandomAccessibleInterval<T> source)
	{
		return Converters.convert(source, (in, out) -> out.set(in.getRealFloat()), new FloatType());
	}

	private static org.pssr.crappify.Calibration calibrationOf(final ImagePlus imp,
		final boolean slicesAsTime)
	{
		final Calibration cal = imp.getCalibration();
		final double toMicron = micronsPer(cal.getUnit());
		final double pw = cal.scaled() ? cal.pixelWidth * toMicron : Double.NaN;
		final double ph = cal.scaled() ? cal.pixelHeight * toMicron : Double.NaN;
		final double dt = slicesAsTime ? Double.NaN : cal.frameInterval * secondsPer(cal
			.getTimeUnit());
		return new org.pssr.crappify.Calibration(pw, ph, dt > 0 ? dt : Double.NaN);
	}

	private static double micronsPer(final String unit) {
		switch (unit == null ? "" : unit.toLowerCase(Locale.ROOT)) {
			case "nm":
			case "nanometer":
			case "nanometers":
				return 1e-3;
			case "mm":
			case "millimeter":
				return 1e3;
			case "micron":
			case "microns":
			case "um":
			case "µm":
			case "\u03bcm":
			case "micrometer":
				return 1;
			default:
				return Double.NaN;
		}
	}

	private static double secondsPer(final String unit) {
		switch (unit == null ? "" : unit.toLowerCase(Locale.ROOT)) {
			case "ms":
			case "msec":
				return 1e-3;
			case "min":
				return 60;
			case "h":
			case "hr":
			case "hour":
				return 3600;
			default:
				return 1;
		}
	}
}
