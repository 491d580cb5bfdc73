package org.pssr.imagej;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

import org.pssr.crappify.AbstractMovie;
import org.pssr.crappify.Calibration;
import org.pssr.crappify.Movie;
import org.pssr.czi.CziFile;
import org.pssr.czi.CziScene;

/**
 * One channel of one CZI scene as a {@link Movie}, read with the built-in reader: frames are the
 * T planes (or the Z planes, when asked for), decoded when {@link #frame} is called. Other
 * letters are read at index 0. Close it to release the file.
 */
public final class CziMovie extends AbstractMovie implements Closeable {

	private final CziFile czi;
	private final CziScene scene;
	private final int channel;
	private final boolean zAsTime;

	private CziMovie(final CziFile czi, final CziScene scene, final int channel,
		final boolean zAsTime)
	{
		super(scene.width(), scene.height(), zAsTime ? scene.sizeZ() : scene.sizeT(), new Calibration(czi
			.metadata().pixelWidth(), czi.metadata().pixelHeight(), zAsTime ? Double.NaN : czi.metadata()
				.timeIncrement()));
		this.czi = czi;
		this.scene = scene;
		this.channel = channel;
		this.zAsTime = zAsTime;
	}

	/**
	 * Opens channel {@code channel} (0-based) of a scene; frames run along Z when {@code zAsTime}.
	 *
	 * @throws IllegalArgumentException for colour files and missing scenes or channels
	 * @throws IOException when the file cannot be read, is not a valid CZI or uses a codec the
	 *           built-in reader does not decode ({@link org.pssr.czi.CziFormatException})
	 */
	public static CziMovie open(final Path file, final int scene, final int channel,
		final boolean zAsTime) throws IOException
	{
		final CziFile czi = CziFile.open(file);
		try {
			return of(czi, scene, channel, zAsTime);
		}
		catch (final IOException | RuntimeException e) {
			czi.close();
			throw e;
		}
	}

	/** Like {@link #open}, on a file already open; closing the movie closes it. */
	public static CziMovie of(final CziFile czi, final int sceneIndex, final int channel,
		final boolean zAsTime) throws IOException
	{
		if (sceneIndex < 0 || sceneIndex >= czi.scenes().size())
			throw new IllegalArgumentException(czi.name() + " has " + czi.scenes().size() +
				" scene(s); scene " + sceneIndex + " does not exist");
		final CziScene scene = czi.scene(sceneIndex);
		if (scene.pixelType().samples() != 1)
			throw new IllegalArgumentException(czi.name() + " is a colour (" + scene.pixelType() +
				") image; PSSR works on one fluorescence channel");
		if (channel < 0 || channel >= scene.sizeC())
			throw new IllegalArgumentException(czi.name() + " has " + scene.sizeC() +
				" channel(s); channel " + (channel + 1) + " does not exist");
		czi.requireDecodable(sceneIndex);
		return new CziMovie(czi, scene, channel, zAsTime);
	}

	/** Whether the frames run along Z instead of T. */
	@Override
	public boolean slicesAsTime() {
		return zAsTime;
	}

	/** @throws UncheckedIOException when the plane is missing or cannot be decoded */
	@Override
	public RandomAccessibleInterval<FloatType> frame(final int t) {
		if (t < 0 || t >= frames())
			throw new IndexOutOfBoundsException("frame " + t + " of a " + frames() + "-frame movie");
		final Map<Character, Integer> at = new TreeMap<>();
		at.put('C', channel);
		at.put(zAsTime ? 'Z' : 'T', t);
		try {
			return asFloat(czi.readPlane(scene.index(), at));
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static RandomAccessibleInterval<FloatType> asFloat(final ArrayImg<?, ?> plane) {
		if (plane.firstElement() instanceof FloatType) return (RandomAccessibleInterval) plane;
		return Converters.convert((RandomAccessibleInterval<RealType>) (RandomAccessibleInterval) plane,
			(in, out) -> out.setReal(in.getRealFloat()), new FloatType());
	}

	@Override
	public void close() throws IOException {
		czi.close();
	}
}
