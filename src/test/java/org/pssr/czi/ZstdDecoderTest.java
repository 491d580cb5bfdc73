package org.pssr.czi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdOutputStream;

import io.airlift.compress.zstd.ZstdCompressor;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native zstd library and the pure-Java fallback decode the same bytes, and refuse the same
 * inputs: raw frames of every kind a writer makes, every plane of the generated feature files and
 * of the fuzz corpus, and seeded byte flips of the zstd files. The native library loads on the
 * platforms Fiji runs on; the fallback is used when it does not load or is asked for.
 */
class ZstdDecoderTest {

	private static final ZstdDecoder JAVA = ZstdDecoder.pureJava();

	private static ZstdDecoder nativeZstd() {
		return ZstdDecoder.nativeLibrary().orElseThrow(() -> new AssertionError(
			"the native zstd library did not load: " + ZstdDecoder.nativeFailure()));
	}

	@Test
	void theNativeLibraryLoadsOnThisPlatformAndIsPreferred() {
		final String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		final String arch = System.getProperty("os.arch");
		if ((os.contains("linux") || os.contains("windows") || os.contains("mac")) && (arch.equals(
			"amd64") || arch.equals("x86_64") || arch.equals("aarch64")))
		{
			assertTrue(nativeZstd().name().contains("native"), nativeZstd().name());
			assertSame(nativeZstd(), ZstdDecoder.choose("auto", ZstdDecoder::nativeLibrary));
		}
	}

	@Test
	void theFallbackIsUsedWhenTheNativeLibraryIsMissingOrNotWanted() {
		assertSame(JAVA, ZstdDecoder.choose("auto", Optional::empty), "native library missing");
		assertSame(JAVA, ZstdDecoder.choose("java", () -> {
			throw new AssertionError("the native library is not even tried for 'java'");
		}));
		assertSame(JAVA, ZstdDecoder.choose(" JAVA ", Optional::empty));
		for (final String bad : new String[] { "native", "", "zstd", "1" }) {
			final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> ZstdDecoder.choose(bad, ZstdDecoder::nativeLibrary));
			assertTrue(e.getMessage().startsWith("-Dpssr.zstd=" + bad + " "), e.getMessage());
		}
	}

	@Test
	void theSystemPropertyChoosesTheDecoderOfFilesOpenedAfterIt(@TempDir final Path dir)
		throws IOException
	{
		final Path file = CziFeatureFiles.timeLapseZstd1HiLo(dir).file();
		final String before = System.getProperty(ZstdDecoder.PROPERTY);
		try {
			System.setProperty(ZstdDecoder.PROPERTY, "java");
			assertSame(JAVA, ZstdDecoder.preferred());
			try (CziFile czi = CziFile.open(file)) {
				assertEquals(3, czi.scene(0).sizeT());
			}
			System.setProperty(ZstdDecoder.PROPERTY, "fast");
			assertThrows(IllegalArgumentException.class, () -> CziFile.open(file));
		}
		finally {
			if (before == null) System.clearProperty(ZstdDecoder.PROPERTY);
			else System.setProperty(ZstdDecoder.PROPERTY, before);
		}
	}

	@Test
	void bothDecodeEveryKindOfFrameToTheSameBytes() throws IOException {
		final SplittableRandom r = new SplittableRandom(30);
		for (final int size : new int[] { 0, 1, 100, 131072, 131073, 1 << 20 }) {
			for (final double noise : new double[] { 0, 0.1, 1 }) {
				final byte[] data = new byte[size];
				for (int i = 0; i < size; i++)
					data[i] = (byte) (r.nextDouble() < noise ? r.nextInt(256) : i / 97);
				final Map<String, byte[]> frames = new LinkedHashMap<>();
				final byte[] air = new byte[new ZstdCompressor().maxCompressedLength(size)];
				frames.put("aircompressor", Arrays.copyOf(air, new ZstdCompressor().compress(data, 0, size,
					air, 0, air.length)));
				frames.put("zstd level 1", Zstd.compress(data, 1));
				frames.put("zstd level 19", Zstd.compress(data, 19));
				final ByteArrayOutputStream streamed = new ByteArrayOutputStream();
				try (ZstdOutputStream out = new ZstdOutputStream(streamed).setChecksum(true)) {
					out.write(data);
				}
				frames.put("streamed, no size, checksum", streamed.toByteArray());
				for (final Map.Entry<String, byte[]> f : frames.entrySet()) {
					final String what = f.getKey() + ", " + size + " bytes, noise " + noise;
					assertArrayEquals(data, decode(JAVA, f.getValue(), size), what + ": pure Java");
					assertArrayEquals(data, decode(nativeZstd(), f.getValue(), size), what + ": native");
				}
			}
		}
	}

	/**
	 * Decodes {@code frame} from a direct buffer, as subblocks are read, and from the middle of an
	 * array; both must give the same bytes and leave the frames' position alone.
	 */
	private static byte[] decode(final ZstdDecoder zstd, final byte[] frame, final int size) {
		final ByteBuffer direct = ByteBuffer.allocateDirect(frame.length + 2);
		direct.position(2);
		direct.put(frame).position(2);
		final byte[] fromDirect = new byte[size];
		assertEquals(size, zstd.decompress(direct, fromDirect, size));
		assertEquals(2, direct.position());
		final byte[] padded = new byte[frame.length + 5];
		System.arraycopy(frame, 0, padded, 3, frame.length);
		final byte[] fromArray = new byte[size];
		assertEquals(size, zstd.decompress(ByteBuffer.wrap(padded, 3, frame.length), fromArray, size));
		assertArrayEquals(fromDirect, fromArray);
		return fromDirect;
	}

	@Test
	void bothDecodeTheFeatureFilesAndTheFuzzCorpusAlike(@TempDir final Path dir) throws IOException {
		final Map<String, byte[]> inputs = new LinkedHashMap<>();
		for (final Iterator<Named<CziFeatureFiles.Writer>> it = CziFeatureFiles.all().iterator(); it
			.hasNext();)
		{
			final Named<CziFeatureFiles.Writer> f = it.next();
			inputs.put(f.getName(), Files.readAllBytes(f.getPayload().write(dir).file()));
		}
		final Path corpus = Paths.get("src/test/resources/org/pssr/czi/CziFuzzTestInputs",
			"parsesAnyBytesOrRefusesThem");
		try (Stream<Path> files = Files.list(corpus)) {
			for (final Path p : files.sorted().collect(Collectors.toList()))
				inputs.put("corpus " + p.getFileName(), Files.readAllBytes(p));
		}
		assertTrue(inputs.keySet().stream().anyMatch(n -> n.contains("zstd")), inputs.keySet()
			.toString());
		for (final Map.Entry<String, byte[]> input : inputs.entrySet())
			assertEquals(planes(JAVA, input.getValue()), planes(nativeZstd(), input.getValue()), input
				.getKey());
	}

	/** Damage to the zstd data itself: both decoders refuse it, or both give the same planes. */
	@Test
	void bothTakeOrRefuseTheSameDamagedZstdFiles(@TempDir final Path dir) throws IOException {
		final List<byte[]> files = new ArrayList<>();
		files.add(Files.readAllBytes(CziFeatureFiles.timeLapseZstd1HiLo(dir).file()));
		files.add(Files.readAllBytes(CziFeatureFiles.zstd0Uncalibrated(dir).file()));
		files.add(Files.readAllBytes(CziFeatureFiles.zstd1WithoutHiLo(dir).file()));
		final SplittableRandom r = new SplittableRandom(20261206);
		int refused = 0;
		for (int i = 0; i < 300; i++) {
			final byte[] file = files.get(i % files.size());
			final byte[] damaged = file.clone();
			for (int k = 1 + r.nextInt(3); k > 0; k--)
				damaged[512 + r.nextInt(file.length - 512)] ^= (byte) (1 + r.nextInt(255));
			final String java = planes(JAVA, damaged);
			assertEquals(java, planes(nativeZstd(), damaged), "damaged file " + i);
			if (java.startsWith("refused")) refused++;
		}
		assertTrue(refused > 0, "some damage should be refused");
	}

	/** Every plane's SHA-256 in order, or "refused" when the file or a plane is refused. */
	private static String planes(final ZstdDecoder zstd, final byte[] bytes) {
		final StringBuilder s = new StringBuilder();
		try (CziFile czi = CziFile.open(CziInput.of(bytes, "test.czi"), zstd)) {
			for (final CziScene scene : czi.scenes())
				for (final Map<Character, Integer> p : scene.planes())
					s.append(StoredBytes.sha256(StoredBytes.of(czi.readPlane(scene.index(), p)))).append(' ');
			return s.toString();
		}
		catch (final CziFormatException e) {
			return "refused after " + s.length() / 65 + " planes";
		}
		catch (final IOException e) {
			throw new AssertionError(e);
		}
	}
}
