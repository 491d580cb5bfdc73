package org.pssr.czi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

import net.imglib2.RandomAccess;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.type.numeric.RealType;

import org.junit.jupiter.api.Test;

/** Layouts and codecs that no shared sample has, on files this test writes. */
class CziSyntheticTest {

	/** A smooth 16-bit image with a little noise: compressible, with every byte value mattering. */
	private static byte[] gray16(final int width, final int height, final long seed) {
		final SplittableRandom rng = new SplittableRandom(seed);
		final ByteBuffer b = ByteBuffer.allocate(2 * width * height).order(ByteOrder.LITTLE_ENDIAN);
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++)
				b.putShort((short) (1000 + x / 10 + 300 * (y / 10) + (rng.nextInt(8) == 0 ? 1 : 0)));
		return b.array();
	}

	@Test
	void decodesLzwThatMatchesTheRawPixels() throws IOException {
		final byte[] raw = gray16(300, 200, 1);
		final byte[] lzw = LzwTestEncoder.encode(raw);
		assertTrue(lzw.length < raw.length, "the test data should compress");
		final byte[] file = new CziWriter(1).rawTile(CziCompression.LZW, lzw, 0, 0, 300, 200).bytes();
		try (CziFile czi = CziReading.open(file)) {
			assertArrayEquals(raw, CziTestFiles.storedBytes(czi.readPlane(0, 0, 0, 0)));
		}
	}

	@Test
	void lzwDecoderHandlesFullTablesAndClearCodes() throws Exception {
		final SplittableRandom rng = new SplittableRandom(7);
		final byte[] data = new byte[200_000];
		for (int i = 0; i < data.length; i++)
			data[i] = (byte) (i % 1000 < 500 ? rng.nextInt(256) : i / 7);
		final byte[] lzw = LzwTestEncoder.encode(data);
		final byte[] out = new byte[data.length];
		assertEquals(data.length, LzwDecoder.decode(lzw, 0, lzw.length, out));
		assertArrayEquals(data, out);
	}

	@Test
	void rejectsLzwCodesThatAreNotInTheTable() {
		final byte[] file = new CziWriter(0).rawTile(CziCompression.LZW, new byte[] { (byte) 0xff,
			(byte) 0xff, (byte) 0xff, (byte) 0xff }, 0, 0, 4, 4).bytes();
		final CziFormatException e = assertThrows(CziFormatException.class, () -> CziReading.readAll(file));
		assertTrue(e.getMessage().contains("LZW"), e.getMessage());
	}

	@Test
	void pastesTilesInAscendingMOrderFromNegativeStarts() throws IOException {
		final byte[] under = new byte[16];
		final byte[] over = new byte[16];
		java.util.Arrays.fill(under, (byte) 1);
		java.util.Arrays.fill(over, (byte) 2);
		// written with M=1 first: the directory order must not decide which tile is on top
		final byte[] file = new CziWriter(0)
			.rawTile(0, over, -2, -2, 4, 4, 'M', 1)
			.rawTile(0, under, -4, -4, 4, 4, 'M', 0)
			.bytes();
		try (CziFile czi = CziReading.open(file)) {
			final CziScene s = czi.scene(0);
			assertEquals(6, s.width());
			assertEquals(-4, s.originX());
			final ArrayImg<?, ?> img = czi.readPlane(0, 0, 0, 0);
			assertEquals(1, value(img, 0, 0));
			assertEquals(2, value(img, 2, 2));
			assertEquals(2, value(img, 5, 5));
			assertEquals(0, value(img, 5, 0), "pixels no tile covers stay 0");
		}
	}

	@Test
	void readsBgr48AsRgbChannelsAndHonoursShiftedPlaneStarts() throws IOException {
		final ByteBuffer b = ByteBuffer.allocate(6 * 2).order(ByteOrder.LITTLE_ENDIAN);
		b.putShort((short) 10).putShort((short) 20).putShort((short) 30);
		b.putShort((short) 11).putShort((short) 21).putShort((short) 31);
		final byte[] file = new CziWriter(4).rawTile(0, b.array(), 0, 0, 2, 1, 'C', 5, 'T', -3).bytes();
		try (CziFile czi = CziReading.open(file)) {
			assertEquals(5, czi.scene(0).start('C'));
			assertEquals(-3, czi.scene(0).start('T'));
			final ArrayImg<?, ?> img = czi.readPlane(0, 0, 0, 0);
			assertEquals(3, img.dimension(2));
			assertEquals(30, value(img, 0, 0, 0), "R is stored last");
			assertEquals(20, value(img, 0, 0, 1));
			assertEquals(11, value(img, 1, 0, 2), "B is stored first");
		}
	}

	@Test
	void readsZstd1WithHiLoPackingAndZstd0() throws IOException {
		final byte[] raw = gray16(64, 32, 3);
		final int half = raw.length / 2;
		final byte[] packed = new byte[raw.length];
		for (int i = 0; i < half; i++) {
			packed[i] = raw[2 * i];
			packed[half + i] = raw[2 * i + 1];
		}
		final byte[] frame = zstd(packed);
		final byte[] zstd1 = new byte[3 + frame.length];
		zstd1[0] = 3;
		zstd1[1] = 1;
		zstd1[2] = 1;
		System.arraycopy(frame, 0, zstd1, 3, frame.length);
		final byte[] file = new CziWriter(1)
			.rawTile(CziCompression.ZSTD1, zstd1, 0, 0, 64, 32, 'C', 0)
			.rawTile(CziCompression.ZSTD0, zstd(raw), 0, 0, 64, 32, 'C', 1)
			.bytes();
		try (CziFile czi = CziReading.open(file)) {
			assertArrayEquals(raw, CziTestFiles.storedBytes(czi.readPlane(0, 0, 0, 0)));
			assertArrayEquals(raw, CziTestFiles.storedBytes(czi.readPlane(0, 1, 0, 0)));
		}
	}

	@Test
	void readsRawPixelsFlaggedAsJpegXr() throws IOException {
		final byte[] raw = gray16(8, 8, 5);
		final byte[] file = new CziWriter(1).rawTile(CziCompression.JPEG_XR, raw, 0, 0, 8, 8).bytes();
		try (CziFile czi = CziReading.open(file)) {
			czi.requireDecodable(0);
			assertArrayEquals(raw, CziTestFiles.storedBytes(czi.readPlane(0, 0, 0, 0)));
		}
	}

	@Test
	void readsTheSyntheticMetadata() throws IOException {
		final CziWriter w = new CziWriter(0).scaling(2e-7, 2e-7).channels("GFP").timeIncrement(1.5);
		try (CziFile czi = CziReading.open(w.rawTile(0, new byte[4], 0, 0, 2, 2).bytes())) {
			assertEquals(0.2, czi.metadata().pixelWidth(), 1e-12);
			assertEquals(1.5, czi.metadata().timeIncrement(), 1e-12);
			assertEquals(java.util.List.of("GFP"), czi.metadata().channelNames());
			assertTrue(Double.isNaN(czi.metadata().zStep()));
		}
	}

	private static byte[] zstd(final byte[] data) {
		final io.airlift.compress.zstd.ZstdCompressor c = new io.airlift.compress.zstd.ZstdCompressor();
		final byte[] out = new byte[c.maxCompressedLength(data.length)];
		final int n = c.compress(data, 0, data.length, out, 0, out.length);
		return java.util.Arrays.copyOf(out, n);
	}

	private static double value(final ArrayImg<?, ?> img, final long... position) {
		final RandomAccess<?> ra = img.randomAccess();
		ra.setPosition(position);
		return ((RealType<?>) ra.get()).getRealDouble();
	}
}
