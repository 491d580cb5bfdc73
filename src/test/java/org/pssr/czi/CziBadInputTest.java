package org.pssr.czi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.pssr.bench.czi.CziWriter;

/** Every kind of bad file gives one CziFormatException that says what and where. */
class CziBadInputTest {

	private static byte[] good() {
		return new CziWriter(1).rawTile(0, new byte[2 * 8 * 4], 0, 0, 8, 4, 'C', 0)
			.rawTile(0, new byte[2 * 8 * 4], 0, 0, 8, 4, 'C', 1).bytes();
	}

	private static void assertRefused(final byte[] file, final String... phrases) {
		final CziFormatException e = assertThrows(CziFormatException.class, () -> CziReading.readAll(
			file));
		assertTrue(e.getMessage().startsWith("test.czi: "), e.getMessage());
		for (final String phrase : phrases)
			assertTrue(e.getMessage().contains(phrase), "'" + phrase + "' missing in: " + e.getMessage());
	}

	private static byte[] putInt(final byte[] file, final long offset, final int value) {
		final byte[] copy = file.clone();
		ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt((int) offset, value);
		return copy;
	}

	private static byte[] putLong(final byte[] file, final long offset, final long value) {
		final byte[] copy = file.clone();
		ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putLong((int) offset, value);
		return copy;
	}

	@Test
	void theSyntheticFileItselfIsGood() throws IOException {
		assertTrue(CziReading.readAll(good()) == 2);
	}

	@Test
	void refusesAnEmptyFile() {
		assertRefused(new byte[0], "file header", "outside the file");
	}

	@Test
	void refusesAFileThatIsNotACzi() {
		final byte[] tiff = new byte[4096];
		tiff[0] = 'I';
		tiff[1] = 'I';
		tiff[2] = 42;
		assertRefused(tiff, "ZISRAWFILE", "offset 0");
		final byte[] noise = new byte[4096];
		new SplittableRandom(1).nextBytes(noise);
		assertRefused(noise, "ZISRAWFILE");
	}

	@ParameterizedTest
	@ValueSource(ints = { 10, 40, 300, 544, 600, 1000 })
	void refusesTruncatedFiles(final int length) {
		final byte[] file = good();
		assertTrue(length < file.length);
		assertRefused(Arrays.copyOf(file, length));
	}

	@Test
	void refusesEveryTruncationOfTheSmallestFile(@TempDir final Path dir) throws IOException {
		final byte[] sample = Files.readAllBytes(CziFeatureFiles.smallest(dir).file());
		for (int length = 0; length < sample.length; length += 16) {
			final byte[] cut = Arrays.copyOf(sample, length);
			assertThrows(CziFormatException.class, () -> CziReading.readAll(cut), "length " + length);
		}
	}

	@Test
	void refusesADirectoryOutsideTheFile() {
		assertRefused(putLong(good(), 32 + 52, 1L << 40), "subblock directory", "outside the file");
		assertRefused(putLong(good(), 32 + 52, 0), "no subblock directory");
		assertRefused(putLong(good(), 32 + 52, -64), "no subblock directory");
	}

	@Test
	void refusesADirectoryThatLiesAboutItsEntries() {
		final CziWriter b = new CziWriter(1).rawTile(0, new byte[64], 0, 0, 8, 4);
		final byte[] file = b.bytes();
		final long count = b.directoryPosition() + 32;
		assertRefused(putInt(file, count, Integer.MAX_VALUE), "claims 2147483647 entries");
		assertRefused(putInt(file, count, -1), "claims -1 entries");
		final long entry = b.directoryPosition() + 32 + 128;
		assertRefused(putInt(file, entry + 28, 1000), "1000 dimensions");
		assertRefused(putLong(file, entry + 6, file.length + 100L), "points to offset");
		assertRefused(putLong(file, entry + 6, b.metadataPosition()), "should start with 'ZISRAWSUBBLOCK'");
		assertRefused(putInt(file, entry + 14, 1), "multi-file");
		final byte[] de = file.clone();
		de[(int) entry + 1] = 'E';
		assertRefused(de, "schema 'DE'");
	}

	@Test
	void refusesSegmentsLargerThanTheFile() {
		final CziWriter b = new CziWriter(1).rawTile(0, new byte[64], 0, 0, 8, 4);
		final byte[] file = b.bytes();
		assertRefused(putLong(file, b.directoryPosition() + 16, Long.MAX_VALUE), "claims");
		assertRefused(putLong(file, b.directoryPosition() + 16, -32), "claims");
		assertRefused(putLong(file, b.directoryPosition() + 24, file.length), "uses");
	}

	@Test
	void refusesSubblockSizesThatDoNotFit() {
		final CziWriter b = new CziWriter(1).rawTile(0, new byte[64], 0, 0, 8, 4);
		final byte[] file = b.bytes();
		final long sub = b.subBlockPositions().get(0) + 32;
		assertRefused(putLong(file, sub + 8, Long.MAX_VALUE), "subblock 0", "do not fit");
		assertRefused(putInt(file, sub, Integer.MAX_VALUE), "subblock 0", "do not fit");
		assertRefused(putInt(file, sub, -5), "subblock 0");
		assertRefused(putInt(file, sub + 16 + 28, 99), "subblock 0", "99 dimensions");
	}

	@Test
	void refusesAbsurdSizesWithoutAllocatingThem() {
		final byte[] hugePlane = new CziWriter(1).rawTile(0, new byte[8], 0, 0, 1 << 30, 1 << 30)
			.rawTile(0, new byte[8], 1 << 30, 1 << 30, 2, 2).bytes();
		assertRefused(hugePlane, "too large");
		final byte[] overflowingPlane = new CziWriter(0)
			.rawTile(0, new byte[4], Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE,
				Integer.MAX_VALUE)
			.rawTile(0, new byte[4], Integer.MAX_VALUE - 1, Integer.MAX_VALUE - 1, 1, 1).bytes();
		assertRefused(overflowingPlane, "too large");
		final byte[] hugeGrid = new CziWriter(0)
			.rawTile(0, new byte[4], 0, 0, 2, 2, 'C', Integer.MIN_VALUE)
			.rawTile(0, new byte[4], 0, 0, 2, 2, 'C', Integer.MAX_VALUE).bytes();
		assertRefused(hugeGrid, "dimension C", "absurd");
		assertRefused(new CziWriter(0).rawTile(0, new byte[4], 0, 0, 0, 2).bytes(), "X size 0");
	}

	/** Found by Jazzer: two 6 x 4 tiles 167 million rows apart made a 3 GB canvas. */
	@Test
	void refusesTinyTilesSpanningAHugeBoundingBox() {
		final byte[] file = new CziWriter(1).rawTile(0, new byte[48], -3, -167772162, 6, 4)
			.rawTile(0, new byte[48], 0, 0, 6, 4).bytes();
		assertRefused(file, "look corrupt");
	}

	@Test
	void refusesTilesTheirDataCannotHold() {
		assertRefused(new CziWriter(1).rawTile(0, new byte[48], 0, 0, 20000, 20000).bytes(),
			"raw pixels", "20000 x 20000");
		assertRefused(new CziWriter(1).rawTile(CziCompression.ZSTD0, new byte[48], 0, 0, 20000, 20000)
			.bytes(), "cannot hold");
		assertRefused(new CziWriter(1).rawTile(CziCompression.LZW, new byte[48], 0, 0, 20000, 20000)
			.bytes(), "cannot hold");
	}

	@Test
	void refusesCodecsItCannotDecodeNamingThem() {
		assertRefused(new CziWriter(0).rawTile(CziCompression.JPEG, new byte[100], 0, 0, 4, 4).bytes(),
			"JPEG compressed", "Bio-Formats");
		assertRefused(new CziWriter(0).rawTile(104, new byte[100], 0, 0, 4, 4).bytes(), "camera raw",
			"Bio-Formats");
		final byte[] jxr = new byte[16];
		jxr[0] = 0x49;
		jxr[1] = 0x49;
		jxr[2] = (byte) 0xBC;
		jxr[3] = 1;
		assertRefused(new CziWriter(0).rawTile(CziCompression.JPEG_XR, jxr, 0, 0, 4, 4).bytes(),
			"JPEG XR", "Bio-Formats");
		assertRefused(new CziWriter(9).rawTile(0, new byte[64], 0, 0, 4, 4).bytes(), "Bgra32");
	}

	@Test
	void refusesCorruptCompressedData() {
		final byte[] garbage = "not a zstd frame at all".getBytes(StandardCharsets.US_ASCII);
		assertRefused(new CziWriter(1).rawTile(CziCompression.ZSTD0, garbage, 0, 0, 4, 4).bytes(),
			"zstd");
		assertRefused(new CziWriter(1).rawTile(CziCompression.ZSTD1, new byte[] { 7, 1, 1 }, 0, 0, 4, 4)
			.bytes(), "zstd1 header");
		assertRefused(new CziWriter(1).rawTile(CziCompression.ZSTD1, new byte[0], 0, 0, 4, 4).bytes(),
			"zstd1");
	}

	@Test
	void refusesLzwCodesThatAreNotInTheTable() {
		final byte[] file = new CziWriter(0).rawTile(CziCompression.LZW, new byte[] { (byte) 0xff,
			(byte) 0xff, (byte) 0xff, (byte) 0xff }, 0, 0, 4, 4).bytes();
		assertRefused(file, "LZW");
	}

	@Test
	void refusesBrokenMetadata() {
		final CziWriter b = new CziWriter(0).rawTile(0, new byte[4], 0, 0, 2, 2);
		assertRefused(b.xml("<ImageDocument><Metadata>").bytes(), "metadata XML", "not well-formed");
		assertRefused(b.xml("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>").bytes(),
			"metadata XML");
		final byte[] file = b.xml("<ImageDocument/>").bytes();
		assertRefused(putInt(file, b.metadataPosition() + 32, Integer.MAX_VALUE), "metadata", "claims");
	}

	@Test
	void refusesMetadataThatIsNotUtf8() {
		final byte[] file = new CziWriter(0).rawTile(0, new byte[4], 0, 0, 2, 2).xml(
			"<ImageDocument>\u00e9</ImageDocument>").bytes();
		final int at = indexOf(file, new byte[] { (byte) 0xc3, (byte) 0xa9 });
		file[at] = (byte) 0xff;
		assertRefused(file, "metadata XML", "not UTF-8");
	}

	@Test
	void readsTheMetadataItNeedsWithoutTheSettingsAfterIt() throws IOException {
		// Zeiss writes scaling and image information before the long experiment, hardware and display
		// settings; what is damaged there does not keep a movie from opening
		final byte[] file = new CziWriter(0).rawTile(0, new byte[4], 0, 0, 2, 2).xml("<ImageDocument>" +
			"<Metadata><Information><Image><Dimensions><Channels><Channel Id=\"Channel:0\" Name=\"GFP\"/>" +
			"</Channels></Dimensions></Image></Information><Scaling><Items><Distance Id=\"X\"><Value>" +
			"2e-7</Value></Distance></Items></Scaling><DisplaySetting><Channels unclosed").bytes();
		try (CziFile czi = CziReading.open(file)) {
			assertEquals(0.2, czi.metadata().pixelWidth(), 1e-9);
			assertEquals(List.of("GFP"), czi.metadata().channelNames());
		}
	}

	private static int indexOf(final byte[] haystack, final byte[] needle) {
		for (int i = 0; i + needle.length <= haystack.length; i++)
			if (Arrays.equals(Arrays.copyOfRange(haystack, i, i + needle.length), needle)) return i;
		throw new AssertionError("not found");
	}

	@Test
	void opensAFileOnDiskAndClosesItOnFailure(@TempDir final Path dir) throws IOException {
		final Path bad = dir.resolve("bad.czi");
		Files.write(bad, Arrays.copyOf(good(), 700));
		final CziFormatException e = assertThrows(CziFormatException.class, () -> CziFile.open(bad));
		assertTrue(e.getMessage().startsWith("bad.czi: "), e.getMessage());
		Files.delete(bad);
	}
}
