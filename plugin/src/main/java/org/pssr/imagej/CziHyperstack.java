package org.pssr.imagej;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import ij.ImagePlus;
import ij.VirtualStack;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;

import org.pssr.czi.CziFile;
import org.pssr.czi.CziMetadata;
import org.pssr.czi.CziPixelType;
import org.pssr.czi.CziScene;

/**
 * One scene of a CZI as an ImageJ hyperstack whose planes are decoded when ImageJ asks for them.
 * Slices are in ImageJ's C, Z, T order; Bgr24 becomes RGB, other colour types three channels per
 * CZI channel. Letters other than C, Z and T are read at index 0. A plane missing from a sparse
 * file reads as zeros, and {@link #missingPlanes} counts them so callers can say so.
 */
public final class CziHyperstack extends VirtualStack {

	private final CziFile czi;
	private final CziScene scene;
	private final int samplesAsChannels;
	private final int channels;
	private int missing;

	private CziHyperstack(final CziFile czi, final CziScene scene) {
		super((int) scene.width(), (int) scene.height(), null, null);
		this.czi = czi;
		this.scene = scene;
		this.samplesAsChannels = scene.pixelType().samples() == 3 && scene.pixelType() !=
			CziPixelType.BGR24 ? 3 : 1;
		this.channels = scene.sizeC() * samplesAsChannels;
	}

	/**
	 * @throws IllegalArgumentException when the scene does not fit an ImageJ stack
	 */
	public static ImagePlus open(final CziFile czi, final int sceneIndex) {
		final CziScene scene = czi.scene(sceneIndex);
		final long planes = 3L * scene.sizeC() * scene.sizeZ() * scene.sizeT();
		if (scene.width() > Integer.MAX_VALUE || scene.height() > Integer.MAX_VALUE ||
			scene.width() * scene.height() > Integer.MAX_VALUE || planes > Integer.MAX_VALUE)
			throw new IllegalArgumentException(czi.name() + " scene " + sceneIndex + " (" + scene.width() +
				" x " + scene.height() + " px, " + planes + " planes) is too large for an ImageJ stack");
		final CziHyperstack stack = new CziHyperstack(czi, scene);
		final ImagePlus imp = new ImagePlus(czi.name() + (czi.scenes().size() > 1 ? " #" + sceneIndex
			: ""), stack);
		imp.setDimensions(stack.channels, scene.sizeZ(), scene.sizeT());
		imp.setOpenAsHyperStack(true);
		imp.setCalibration(calibration(czi.metadata()));
		return imp;
	}

	private static Calibration calibration(final CziMetadata m) {
		final Calibration cal = new Calibration();
		if (m.pixelWidth() > 0 && m.pixelHeight() > 0) {
			cal.setUnit("µm");
			cal.pixelWidth = m.pixelWidth();
			cal.pixelHeight = m.pixelHeight();
			if (m.zStep() > 0) cal.pixelDepth = m.zStep();
		}
		if (m.timeIncrement() > 0) {
			cal.frameInterval = m.timeIncrement();
			cal.setTimeUnit("s");
		}
		return cal;
	}

	/** Planes read so far that the file does not have. */
	public synchronized int missingPlanes() {
		return missing;
	}

	@Override
	public int getSize() {
		return channels * scene.sizeZ() * scene.sizeT();
	}

	@Override
	public int getBitDepth() {
		switch (scene.pixelType()) {
			case GRAY8: return 8;
			case BGR24: return 24;
			case GRAY16:
			case BGR48: return 16;
			default: return 32;
		}
	}

	@Override
	public String getSliceLabel(final int n) {
		final int[] czt = position(n);
		return "c:" + (czt[0] + 1) + "/" + channels + " z:" + (czt[1] + 1) + "/" + scene.sizeZ() +
			" t:" + (czt[2] + 1) + "/" + scene.sizeT();
	}

	/** 0-based (channel, z, t) of 1-based slice {@code n}, ImageJ's order. */
	private int[] position(final int n) {
		if (n < 1 || n > getSize())
			throw new IllegalArgumentException("slice " + n + " is outside 1.." + getSize());
		final int i = n - 1;
		return new int[] { i % channels, i / channels % scene.sizeZ(), i / channels / scene.sizeZ() };
	}

	@Override
	public ImageProcessor getProcessor(final int n) {
		final int[] czt = position(n);
		final int sample = czt[0] % samplesAsChannels;
		final Map<Character, Integer> at = new TreeMap<>();
		at.put('C', czt[0] / samplesAsChannels);
		at.put('Z', czt[1]);
		at.put('T', czt[2]);
		final int w = (int) scene.width();
		final int h = (int) scene.height();
		if (!scene.hasPlane(at)) {
			synchronized (this) {
				missing++;
			}
			return blank(w, h);
		}
		final Object pixels;
		try {
			final ArrayImg<?, ?> plane = czi.readPlane(scene.index(), at);
			pixels = ((ArrayDataAccess<?>) plane.update(null)).getCurrentStorageArray();
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		return processor(pixels, w, h, sample);
	}

	private ImageProcessor blank(final int w, final int h) {
		switch (getBitDepth()) {
			case 8: return new ByteProcessor(w, h);
			case 16: return new ShortProcessor(w, h);
			case 24: return new ColorProcessor(w, h);
			default: return new FloatProcessor(w, h);
		}
	}

	/** Wraps a decoded plane; colour planes are planar R, G, B. */
	private ImageProcessor processor(final Object pixels, final int w, final int h, final int sample) {
		final int area = w * h;
		if (scene.pixelType() == CziPixelType.BGR24) {
			final byte[] rgb = (byte[]) pixels;
			final ColorProcessor cp = new ColorProcessor(w, h);
			cp.setRGB(Arrays.copyOfRange(rgb, 0, area), Arrays.copyOfRange(rgb, area,
				2 * area), Arrays.copyOfRange(rgb, 2 * area, 3 * area));
			return cp;
		}
		final boolean colour = samplesAsChannels == 3;
		if (pixels instanceof byte[]) return new ByteProcessor(w, h, (byte[]) pixels);
		if (pixels instanceof short[]) {
			final short[] s = (short[]) pixels;
			return new ShortProcessor(w, h, colour ? Arrays.copyOfRange(s, sample * area,
				(sample + 1) * area) : s, null);
		}
		final float[] f = (float[]) pixels;
		return new FloatProcessor(w, h, colour ? Arrays.copyOfRange(f, sample * area,
			(sample + 1) * area) : f);
	}
}
