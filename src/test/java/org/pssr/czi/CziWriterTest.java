package org.pssr.czi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.pssr.bench.czi.CziWriter;

/** The streamed file (what the benchmark's 1 GB CZI is written with) is the in-memory one. */
class CziWriterTest {

	@Test
	void streamedFileEqualsTheBytesAndReadsBack(@TempDir final Path dir) throws IOException {
		final byte[] plane = new byte[2 * 24 * 16];
		for (int i = 0; i < plane.length; i++)
			plane[i] = (byte) (i * 7);
		for (final boolean directoryFirst : new boolean[] { false, true }) {
			final CziWriter w = new CziWriter(CziPixelType.GRAY16).scaling(1e-7, 1e-7).timeStamps(0, 2);
			if (directoryFirst) w.directoryFirst();
			final byte[] encoded = CziWriter.Codec.ZSTD1_HILO.encode(plane);
			for (int t = 0; t < 2; t++)
				w.rawTile(CziWriter.Codec.ZSTD1_HILO.code(), encoded, 0, 0, 24, 16, 'T', t);
			final Path file = w.write(dir.resolve("streamed-" + directoryFirst + ".czi"));
			assertArrayEquals(w.bytes(), Files.readAllBytes(file));
			try (CziFile czi = CziFile.open(file)) {
				final CziScene s = czi.scenes().get(0);
				assertEquals(2, s.size('T'));
				assertArrayEquals(plane, StoredBytes.of(czi.readPlane(0, 0, 0, 1)));
			}
		}
	}
}
