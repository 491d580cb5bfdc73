package org.pssr.czi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import loci.formats.in.ZeissCZIReader;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pssr.bench.czi.CziWriter;
import org.pssr.testing.SharedData;

/**
 * pssr's reader and Bio-Formats' ZeissCZIReader (8.0.0, what Fiji opens CZI files with) decode the
 * same pixels, plane by plane: the kind of file the benchmark's CZI rows time against Bio-Formats
 * (a generated time series, every codec CziWriter writes) and the real pair of samples that differ
 * only in their codec (uncompressed and zstd1), with C, Z and T, read ahead or not.
 */
class BioFormatsCziIT {

	private static final int SIDE = 300;
	private static final int FRAMES = 6;

	@ParameterizedTest
	@EnumSource(value = CziWriter.Codec.class, names = { "UNCOMPRESSED", "ZSTD0", "ZSTD1",
		"ZSTD1_HILO" })
	void bothDecodeTheGeneratedTimeSeriesToItsPixels(final CziWriter.Codec codec,
		@TempDir final Path dir) throws Exception
	{
		final byte[][] pixels = new byte[FRAMES][];
		final CziWriter w = new CziWriter(CziPixelType.GRAY16).scaling(1e-7, 1e-7);
		for (int t = 0; t < FRAMES; t++) {
			pixels[t] = noisy(t);
			w.tile(codec, pixels[t], 0, 0, SIDE, SIDE, 'T', t);
		}
		final Path file = w.write(dir.resolve(codec + ".czi"));
		try (CziFile czi = CziFile.open(file); ZeissCZIReader bf = new ZeissCZIReader()) {
			bf.setId(file.toString());
			assertEquals(FRAMES, bf.getImageCount());
			assertTrue(bf.isLittleEndian());
			for (int t = 0; t < FRAMES; t++) {
				assertArrayEquals(pixels[t], bf.openBytes(bf.getIndex(0, 0, t)), "Bio-Formats, frame " + t);
				assertArrayEquals(pixels[t], StoredBytes.of(czi.readPlane(0, 0, 0, t)), "pssr, frame " + t);
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "CellDivision_T3_Z5_CH2_X240_Y170.czi",
		"CellDivision_T3_Z5_CH2_X240_Y170_comp1.czi" })
	void bothDecodeTheRealSampleAlike(final String name) throws Exception {
		final Path file = SharedData.czi(name);
		assertTrue(Files.isRegularFile(file), file + " (the real samples of ../shared/data/czi)");
		for (final int ahead : new int[] { 0, 2 }) {
			try (CziFile czi = CziFile.open(file).readAhead(ahead); ZeissCZIReader bf =
				new ZeissCZIReader())
			{
				bf.setId(file.toString());
				final CziScene s = czi.scene(0);
				assertEquals(s.sizeC() * s.sizeZ() * s.sizeT(), bf.getImageCount());
				for (int t = 0; t < s.sizeT(); t++)
					for (int z = 0; z < s.sizeZ(); z++)
						for (int c = 0; c < s.sizeC(); c++)
							assertArrayEquals(bf.openBytes(bf.getIndex(z, c, t)), StoredBytes.of(czi.readPlane(0,
								c, z, t)), name + " c" + c + " z" + z + " t" + t + ", " + ahead + " read ahead");
			}
		}
	}

	/** A smooth pattern under noise, little-endian 16-bit, different for each frame. */
	private static byte[] noisy(final int t) {
		final Random r = new Random(t);
		final ByteBuffer b = ByteBuffer.allocate(2 * SIDE * SIDE).order(ByteOrder.LITTLE_ENDIAN);
		for (int y = 0; y < SIDE; y++)
			for (int x = 0; x < SIDE; x++)
				b.putShort((short) (900 + 500 * Math.sin((x + 9 * t) / 23.0) * Math.cos(y / 31.0) + 30 * r
					.nextGaussian()));
		return b.array();
	}
}
