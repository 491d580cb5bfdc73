package org.pssr.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.real.FloatType;

import org.pssr.crappify.AbstractMovie;
import org.pssr.crappify.Movie;
import org.pssr.crappify.io.Folders;
import org.pssr.crappify.io.ImageJTiffWriter;
import org.pssr.crappify.io.PixelFormat;
import org.pssr.crappify.synth.SyntheticFluorescenceMovie;

/**
 * The movies the tests run on. Each has a synthetic stand-in, written by the tests themselves the
 * way {@code pssr synth} writes movies (same generator, same TIFF writer), in the bit depth and
 * with the frame count of the real time-lapse it stands for; the real file is what the
 * {@link RealData} suite reads instead.
 */
public enum TestMovie {

	/** Confocal-like, 8-bit, 15 frames: stands for a Drosophila H2B sequence. */
	SEQUENCE_1("drosophila_h2b_seq1.tif", 192, 128, 15, 1, PixelFormat.UINT8),
	/** Another field of the same kind, never trained on where SEQUENCE_1 is. */
	SEQUENCE_2("drosophila_h2b_seq2.tif", 192, 128, 15, 2, PixelFormat.UINT8),
	/** Widefield-like, 16-bit, 51 frames: stands for the HeLa Gag-mVenus movie. */
	CELLS_16BIT("hela_gag_mvenus.tif", 96, 96, 51, 3, PixelFormat.UINT16),
	/** 8-bit, 30 frames: stands for the MitoCheck nuclei movie. */
	NUCLEI("mitocheck_nuclei.tif", 112, 96, 30, 4, PixelFormat.UINT8);

	/** 8-bit stand-ins put the synthetic movie's 99.9th-percentile-ish peak near this value. */
	private static final double EIGHT_BIT_PEAK = 220;

	private static final Map<TestMovie, Path> WRITTEN = new EnumMap<>(TestMovie.class);
	private static Path folder;

	private final String realName;
	private final int width;
	private final int height;
	private final int frames;
	private final long seed;
	private final PixelFormat format;

	TestMovie(final String realName, final int width, final int height, final int frames,
		final long seed, final PixelFormat format)
	{
		this.realName = realName;
		this.width = width;
		this.height = height;
		this.frames = frames;
		this.seed = seed;
		this.format = format;
	}

	/** The real time-lapse of the shared data (real-data suite only). */
	public Path real() {
		return SharedData.movie(realName);
	}

	/** The synthetic stand-in, written once per test JVM into a temporary folder. */
	public synchronized Path synthetic() {
		return WRITTEN.computeIfAbsent(this, m -> m.write());
	}

	/** The stand-in's file name: the real name, so messages and manifests read alike. */
	public String fileName() {
		return realName;
	}

	public int frames() {
		return frames;
	}

	public PixelFormat format() {
		return format;
	}

	private Path write() {
		try {
			final Path file = folder().resolve(realName);
			final Movie movie = new SyntheticFluorescenceMovie(width, height, frames, seed);
			ImageJTiffWriter.save(format == PixelFormat.UINT8 ? eightBit(movie) : movie, file, format);
			return file;
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static synchronized Path folder() throws IOException {
		if (folder == null) {
			folder = Files.createTempDirectory("pssr-test-movies");
			final Path created = folder;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					Folders.deleteTree(created);
				}
				catch (final IOException | UncheckedIOException ignored) {
					// a temporary folder; the OS cleans up what is left
				}
			}));
		}
		return folder;
	}

	/** The 16-bit synthetic movie scaled so that it fills an 8-bit range as 8-bit acquisitions do. */
	private static Movie eightBit(final Movie movie) {
		float max = 0;
		for (final FloatType v : movie.frame(0))
			max = Math.max(max, v.get());
		final float factor = (float) (EIGHT_BIT_PEAK / max);
		return new AbstractMovie(movie) {

			@Override
			public RandomAccessibleInterval<FloatType> frame(final int t) {
				return Converters.convert(movie.frame(t), (in, out) -> out.set(in.get() * factor),
					new FloatType());
			}
		};
	}
}
