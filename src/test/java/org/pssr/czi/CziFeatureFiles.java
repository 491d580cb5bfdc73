package org.pssr.czi;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.pssr.bench.czi.CziWriter;
import org.pssr.bench.czi.CziWriter.Codec;

/**
 * Small CZI files, one per feature of the format that the reader supports, each written into a
 * folder with what it must decode to. Together they hold what the real samples of the real-data
 * suite hold (each method names its model), so the default suite reads none of those.
 */
public final class CziFeatureFiles {

	/** Writes one feature file into a folder. */
	@FunctionalInterface
	public interface Writer {

		CziFeature write(Path folder) throws IOException;
	}

	private static final double[] UNCALIBRATED = { 0, 0, 0 };
	private static final double CELL_PIXEL = 9.057667415221031e-08;
	private static final double[] CELL_SCALING = { CELL_PIXEL, CELL_PIXEL, 3.2e-07 };
	private static final String[] CELL_CHANNELS = { "LED555", "LED470" };
	private static final double[] CELL_STAMPS = { 360.42, 420.40, 480.41 };
	private static final double CELL_INCREMENT = 60.075;
	private static final double[] LLS7_SCALING = { 1.44992e-07, 1.44992e-07, 1.44992e-07 };

	private CziFeatureFiles() {}

	/**
	 * Every feature file, for parameterized tests: one for each public method here that writes one,
	 * named after it, so that a feature file added is tested without a list to extend.
	 */
	public static Stream<Named<Writer>> all() {
		return Arrays.stream(CziFeatureFiles.class.getDeclaredMethods()).filter(m -> Modifier.isPublic(m
			.getModifiers()) && m.getReturnType() == CziFeature.class && Arrays.equals(m
				.getParameterTypes(), new Class<?>[] { Path.class })).map(Method::getName).sorted().map(
					CziFeatureFiles::writer);
	}

	/** Every feature file the reader must decode: all but the one in JPEG XR. */
	public static Stream<Named<Writer>> decodable() {
		return all().filter(w -> !w.getName().equals("jpegXr"));
	}

	/** Writes into a folder the feature file that the method of this name writes. */
	public static CziFeature write(final String feature, final Path folder) throws IOException {
		final Method write;
		try {
			write = CziFeatureFiles.class.getMethod(feature, Path.class);
		}
		catch (final NoSuchMethodException e) {
			throw new IllegalArgumentException("no feature file " + feature, e);
		}
		try {
			return (CziFeature) write.invoke(null, folder);
		}
		catch (final InvocationTargetException e) {
			if (e.getCause() instanceof IOException) throw (IOException) e.getCause();
			throw new IllegalStateException(feature, e.getCause());
		}
		catch (final IllegalAccessException e) {
			throw new IllegalStateException(feature, e);
		}
	}

	private static Named<Writer> writer(final String feature) {
		return Named.of(feature, folder -> write(feature, folder));
	}

	/**
	 * CellDivision_T3_Z5_CH2_X240_Y170.czi: Gray16, T=3, Z=5, C=2 and a B letter, uncompressed,
	 * calibrated; T offsets in the XML and a TimeStamps attachment; directory first; subblocks with
	 * metadata XML.
	 */
	public static CziFeature calibratedTimeLapse(final Path folder) throws IOException {
		return cellDivision(folder, "calibratedTimeLapse.czi", Codec.UNCOMPRESSED, CELL_SCALING);
	}

	/**
	 * CellDivision_T3_Z5_CH2_X240_Y170_comp1.czi: the same pixels as zstd1 with hi/lo packing; scaling
	 * values 0.
	 */
	public static CziFeature timeLapseZstd1HiLo(final Path folder) throws IOException {
		return cellDivision(folder, "timeLapseZstd1HiLo.czi", Codec.ZSTD1_HILO, UNCALIBRATED);
	}

	private static CziFeature cellDivision(final Path folder, final String name, final Codec codec,
		final double[] scaling) throws IOException
	{
		final CziWriter w = new CziWriter(CziPixelType.GRAY16).directoryFirst().subBlockExtras()
			.scaling(scaling).channels(CELL_CHANNELS).timeOffsets(0, CELL_INCREMENT, 2 * CELL_INCREMENT)
			.timeStamps(CELL_STAMPS);
		final Planes planes = new Planes(CziPixelType.GRAY16);
		for (int t = 0; t < 3; t++)
			for (int z = 0; z < 5; z++)
				for (int c = 0; c < 2; c++)
					planes.tile(w, codec, pixels(CziPixelType.GRAY16, 24, 17, 100 * t + 10 * z + c), 24, 17,
						'Z', z, 'C', c, 'T', t, 'B', 0);
		return planes.feature(folder, name, w, scaling, codec).channelNames(CELL_CHANNELS).timeStamps(
			CELL_STAMPS).timeIncrement(CELL_INCREMENT);
	}

	/** newCZI_compressed.czi: one Gray16 plane as zstd0; no scaling in the XML at all. */
	public static CziFeature zstd0Uncalibrated(final Path folder) throws IOException {
		final CziWriter w = new CziWriter(CziPixelType.GRAY16);
		final Planes planes = new Planes(CziPixelType.GRAY16);
		planes.tile(w, Codec.ZSTD0, pixels(CziPixelType.GRAY16, 48, 40, 5), 48, 40, 'Z', 0, 'C', 0, 'T',
			0);
		return planes.feature(folder, "zstd0Uncalibrated.czi", w, UNCALIBRATED, Codec.ZSTD0);
	}

	/** LLS7_small.czi: Gray16, T=2, Z=3, C=2, with a DELETED segment among the subblocks. */
	public static CziFeature deletedSegment(final Path folder) throws IOException {
		return lls7(folder, "deletedSegment.czi", Codec.UNCOMPRESSED);
	}

	/**
	 * LLS7_small_JPEGXR-synthetic.czi: the file above with every subblock flagged JPEG XR and starting
	 * with its magic. The reader must refuse it; its planes are what the pixels were before.
	 */
	public static CziFeature jpegXr(final Path folder) throws IOException {
		return lls7(folder, "jpegXr.czi", Codec.JPEG_XR);
	}

	private static CziFeature lls7(final Path folder, final String name, final Codec codec)
		throws IOException
	{
		final CziWriter w = new CziWriter(CziPixelType.GRAY16).directoryFirst().deletedSegment()
			.scaling(LLS7_SCALING);
		final Planes planes = new Planes(CziPixelType.GRAY16);
		for (int t = 0; t < 2; t++)
			for (int c = 0; c < 2; c++)
				for (int z = 0; z < 3; z++)
					planes.tile(w, codec, pixels(CziPixelType.GRAY16, 16, 16, 7000 + 100 * t + 10 * c + z), 16,
						16, 'Z', z, 'C', c, 'T', t);
		return planes.feature(folder, name, w, LLS7_SCALING, codec);
	}

	/**
	 * WellD6_S1.czi: one layer-0 subblock and, first in the directory, a pyramid subblock of the same
	 * region stored at half the resolution, which readers must ignore.
	 */
	public static CziFeature pyramid(final Path folder) throws IOException {
		final double[] scaling = { 1e-7, 1e-7 };
		final CziWriter w = new CziWriter(CziPixelType.GRAY16).directoryFirst().scaling(scaling);
		w.pyramidTile(Codec.UNCOMPRESSED, pixels(CziPixelType.GRAY16, 17, 14, 61), 0, 0, 34, 28, 17, 14,
			'C', 0, 'S', 0);
		final Planes planes = new Planes(CziPixelType.GRAY16);
		planes.tile(w, Codec.UNCOMPRESSED, pixels(CziPixelType.GRAY16, 34, 28, 62), 34, 28, 'C', 0, 'S',
			0);
		return planes.feature(folder, "pyramid.czi", w, scaling, Codec.UNCOMPRESSED);
	}

	/**
	 * tiles_time_z.czi: a Gray8 mosaic of four 16 x 16 tiles (M=0..3) with negative X/Y starts, over
	 * T=2, Z=2, C=2; each plane is the 32 x 32 bounding box.
	 */
	public static CziFeature gray8Mosaic(final Path folder) throws IOException {
		final double[] scaling = { 1.6605316419276782e-06, 1.6605316419276782e-06, 4e-06 };
		final CziWriter w = new CziWriter(CziPixelType.GRAY8).scaling(scaling);
		final Planes planes = new Planes(CziPixelType.GRAY8);
		for (int t = 0; t < 2; t++)
			for (int z = 0; z < 2; z++)
				for (int c = 0; c < 2; c++) {
					final Canvas canvas = new Canvas(CziPixelType.GRAY8, -16, -16, 32, 32);
					for (int m = 0; m < 4; m++) {
						final byte[] tile = pixels(CziPixelType.GRAY8, 16, 16, 300 + 8 * m + 4 * t + 2 * z + c);
						final int x = -16 + 16 * (m % 2);
						final int y = -16 + 16 * (m / 2);
						w.tile(Codec.UNCOMPRESSED, tile, x, y, 16, 16, 'M', m, 'Z', z, 'C', c, 'T', t, 'S', 0);
						canvas.paste(tile, x, y, 16, 16);
					}
					planes.add(canvas.bytes, 32, 32, 'Z', z, 'C', c, 'T', t, 'S', 0);
				}
		return planes.feature(folder, "gray8Mosaic.czi", w, scaling, Codec.UNCOMPRESSED);
	}

	/** RGB-8bit.czi: one Bgr24 plane, stored B, G, R. */
	public static CziFeature bgr24(final Path folder) throws IOException {
		final double[] scaling = { 1.0833333333333333e-06, 1.0833333333333333e-06 };
		final CziWriter w = new CziWriter(CziPixelType.BGR24).scaling(scaling);
		final Planes planes = new Planes(CziPixelType.BGR24);
		planes.tile(w, Codec.UNCOMPRESSED, pixels(CziPixelType.BGR24, 13, 7, 24), 13, 7, 'C', 0);
		return planes.feature(folder, "bgr24.czi", w, scaling, Codec.UNCOMPRESSED);
	}

	/**
	 * LSM880_AiryScan.czi: Gray16, C=0..7 and phase H=0..31 with only 132 of the 256 planes, and more
	 * letters than the real file (eleven, X and Y last), so the subblocks' fixed part outgrows 256
	 * bytes.
	 */
	public static CziFeature sparseGrid(final Path folder) throws IOException {
		final double[] scaling = { 3.9e-08, 3.9e-08 };
		final CziWriter w = new CziWriter(CziPixelType.GRAY16).xyLast().scaling(scaling);
		final Planes planes = new Planes(CziPixelType.GRAY16);
		for (int c = 0; c < 8; c++)
			for (int h = 0; h < (c < 4 ? 32 : 1); h++)
				planes.tile(w, Codec.UNCOMPRESSED, pixels(CziPixelType.GRAY16, 6, 5, 1000 + 32 * c + h), 6, 5,
					'Z', 0, 'C', c, 'T', 0, 'H', h, 'B', 0, 'V', 0, 'M', 0, 'R', 0, 'I', 0);
		return planes.feature(folder, "sparseGrid.czi", w, scaling, Codec.UNCOMPRESSED);
	}

	/** 100x100.czi: the smallest valid file, one Gray8 10 x 10 plane holding 0..99. */
	public static CziFeature smallest(final Path folder) throws IOException {
		final double[] scaling = { 1e-7, 1e-7, 1e-7 };
		final CziWriter w = new CziWriter(CziPixelType.GRAY8).subBlockExtras().scaling(scaling);
		final byte[] ramp = new byte[100];
		for (int i = 0; i < ramp.length; i++)
			ramp[i] = (byte) i;
		final Planes planes = new Planes(CziPixelType.GRAY8);
		planes.tile(w, Codec.UNCOMPRESSED, ramp, 10, 10, 'M', 0, 'Z', 0, 'C', 0, 'T', 0, 'S', 0);
		return planes.feature(folder, "smallest.czi", w, scaling, Codec.UNCOMPRESSED);
	}

	/**
	 * S3_1Pos_2Mosaic_T2Z3_CH2_sm.czi: three Gray16 scenes far apart, T=2, Z=3, C=2, each plane a
	 * mosaic of three overlapping 8 x 8 tiles written in descending M and leaving a corner of the
	 * bounding box uncovered (zeros).
	 */
	public static CziFeature scenesWithMosaics(final Path folder) throws IOException {
		final double[] scaling = { 1.6e-06, 1.6e-06, 1e-06 };
		final String[] channels = { "DAPI", "EGFP" };
		final CziWriter w = new CziWriter(CziPixelType.GRAY16).scaling(scaling).channels(channels)
			.timeIncrement(33.412);
		final Planes planes = new Planes(CziPixelType.GRAY16);
		final int[][] offsets = { { 0, 0 }, { 6, 0 }, { 0, 6 } };
		for (int s = 0; s < 3; s++)
			for (int t = 0; t < 2; t++)
				for (int z = 0; z < 3; z++)
					for (int c = 0; c < 2; c++) {
						final int x0 = 40000 * s;
						final int y0 = -25000 * s;
						final Canvas canvas = new Canvas(CziPixelType.GRAY16, x0, y0, 14, 14);
						final byte[][] tiles = new byte[offsets.length][];
						for (int m = 0; m < offsets.length; m++) {
							tiles[m] = pixels(CziPixelType.GRAY16, 8, 8, 5000 + 100 * s + 10 * m + 4 * t + 2 * z + c);
							canvas.paste(tiles[m], x0 + offsets[m][0], y0 + offsets[m][1], 8, 8);
						}
						for (int m = offsets.length - 1; m >= 0; m--)
							w.tile(Codec.UNCOMPRESSED, tiles[m], x0 + offsets[m][0], y0 + offsets[m][1], 8, 8, 'M', m,
								'S', s, 'T', t, 'Z', z, 'C', c);
						planes.add(canvas.bytes, 14, 14, 'S', s, 'T', t, 'Z', z, 'C', c);
					}
		return planes.feature(folder, "scenesWithMosaics.czi", w, scaling, Codec.UNCOMPRESSED)
			.channelNames(channels).timeIncrement(33.412);
	}

	/** No real sample: two Gray16 channels as TIFF-style LZW. */
	public static CziFeature lzw(final Path folder) throws IOException {
		final CziWriter w = new CziWriter(CziPixelType.GRAY16);
		final Planes planes = new Planes(CziPixelType.GRAY16);
		for (int c = 0; c < 2; c++)
			planes.tile(w, Codec.LZW, pixels(CziPixelType.GRAY16, 40, 30, 20 + c), 40, 30, 'C', c);
		return planes.feature(folder, "lzw.czi", w, UNCALIBRATED, Codec.LZW);
	}

	/** Gray16 as zstd1 without hi/lo packing: C=0 with no header chunk, C=1 with the flag off. */
	public static CziFeature zstd1WithoutHiLo(final Path folder) throws IOException {
		final CziWriter w = new CziWriter(CziPixelType.GRAY16);
		final Planes planes = new Planes(CziPixelType.GRAY16);
		planes.tile(w, Codec.ZSTD1, pixels(CziPixelType.GRAY16, 32, 24, 30), 32, 24, 'C', 0);
		planes.tile(w, Codec.ZSTD1_HILO_OFF, pixels(CziPixelType.GRAY16, 32, 24, 31), 32, 24, 'C', 1);
		return planes.feature(folder, "zstd1WithoutHiLo.czi", w, UNCALIBRATED, Codec.ZSTD1);
	}

	/** Bgr48 as zstd1 with hi/lo packing of its 16-bit samples, at plane starts C=5..6, T=-3..-2. */
	public static CziFeature bgr48Zstd1HiLo(final Path folder) throws IOException {
		final CziWriter w = new CziWriter(CziPixelType.BGR48);
		final Planes planes = new Planes(CziPixelType.BGR48);
		for (int t = -3; t < -1; t++)
			for (int c = 5; c < 7; c++)
				planes.tile(w, Codec.ZSTD1_HILO, pixels(CziPixelType.BGR48, 5, 4, 40 + 10 * t + c), 5, 4, 'C',
					c, 'T', t);
		return planes.feature(folder, "bgr48Zstd1HiLo.czi", w, UNCALIBRATED, Codec.ZSTD1_HILO);
	}

	/** Gray32Float over Z=2, with no metadata segment and UsedSize 0 in every segment header. */
	public static CziFeature gray32FloatWithoutMetadata(final Path folder) throws IOException {
		final CziWriter w = new CziWriter(CziPixelType.GRAY32_FLOAT).withoutMetadata().usedSizeZero();
		final Planes planes = new Planes(CziPixelType.GRAY32_FLOAT);
		for (int z = 0; z < 2; z++)
			planes.tile(w, Codec.UNCOMPRESSED, pixels(CziPixelType.GRAY32_FLOAT, 6, 5, 50 + z), 6, 5, 'Z',
				z);
		return planes.feature(folder, "gray32FloatWithoutMetadata.czi", w, UNCALIBRATED,
			Codec.UNCOMPRESSED);
	}

	/** Raw Gray16 pixels flagged as JPEG XR, the ZEN quirk readers read as uncompressed. */
	public static CziFeature rawFlaggedAsJpegXr(final Path folder) throws IOException {
		final CziWriter w = new CziWriter(CziPixelType.GRAY16);
		final Planes planes = new Planes(CziPixelType.GRAY16);
		planes.tile(w, Codec.RAW_FLAGGED_AS_JPEG_XR, pixels(CziPixelType.GRAY16, 8, 8, 60), 8, 8, 'C', 0);
		return planes.feature(folder, "rawFlaggedAsJpegXr.czi", w, UNCALIBRATED,
			Codec.RAW_FLAGGED_AS_JPEG_XR);
	}

	/**
	 * A smooth image with a little noise in the stored layout, so that every byte matters and the
	 * codecs have something to compress.
	 */
	static byte[] pixels(final CziPixelType type, final int width, final int height, final long seed) {
		final SplittableRandom rng = new SplittableRandom(seed);
		final ByteBuffer b = ByteBuffer.allocate(width * height * type.bytesPerPixel()).order(
			ByteOrder.LITTLE_ENDIAN);
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++)
				for (int s = 0; s < type.samples(); s++) {
					final int noise = rng.nextInt(64);
					if (type.isFloat()) b.putFloat((x - y) * 0.5f + s - noise / 7f);
					else if (type.bytesPerSample() == 2) b.putShort((short) (1000 + 37 * x + 101 * y + 3000 * s +
						noise));
					else b.put((byte) (5 * x + 3 * y + 60 * s + noise / 8));
				}
		return b.array();
	}

	/** The planes of a feature file, as the file is written. */
	private static final class Planes {

		private final CziPixelType type;
		private final List<ExpectedPlane> list = new ArrayList<>();

		Planes(final CziPixelType type) {
			this.type = type;
		}

		/** Writes a plane of one tile at (0, 0) and expects it back. */
		void tile(final CziWriter w, final Codec codec, final byte[] pixels, final int width,
			final int height, final int... letters)
		{
			w.tile(codec, pixels, 0, 0, width, height, letters);
			add(pixels, width, height, letters);
		}

		/** Expects a plane; {@code letters} are the letter, start pairs of its tiles. */
		void add(final byte[] stored, final int width, final int height, final int... letters) {
			int scene = 0;
			final Map<Character, Integer> at = new TreeMap<>();
			for (int i = 0; i < letters.length; i += 2) {
				if (letters[i] == 'S') scene = letters[i + 1];
				else if (letters[i] != 'M') at.put((char) letters[i], letters[i + 1]);
			}
			list.add(ExpectedPlane.of(scene, at, width, height, type, stored));
		}

		CziFeature feature(final Path folder, final String name, final CziWriter w,
			final double[] scaling, final Codec codec) throws IOException
		{
			return new CziFeature(w.write(folder.resolve(name)), new ExpectedContent(new TreeSet<>(List
				.of(codec.code())), type, scaling, list));
		}
	}

	/** A mosaic plane as the format builds it (§1.11): tiles pasted in ascending M, the rest 0. */
	private static final class Canvas {

		private final int x0;
		private final int y0;
		private final int width;
		private final int bytesPerPixel;
		final byte[] bytes;

		Canvas(final CziPixelType type, final int x0, final int y0, final int width, final int height) {
			this.x0 = x0;
			this.y0 = y0;
			this.width = width;
			this.bytesPerPixel = type.bytesPerPixel();
			this.bytes = new byte[width * height * bytesPerPixel];
		}

		void paste(final byte[] tile, final int x, final int y, final int tileWidth,
			final int tileHeight)
		{
			for (int row = 0; row < tileHeight; row++)
				System.arraycopy(tile, row * tileWidth * bytesPerPixel, bytes, ((y - y0 + row) * width + x -
					x0) * bytesPerPixel, tileWidth * bytesPerPixel);
		}
	}
}
