package org.pssr.czi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** What Fiji does with a virtual stack: many threads reading planes of one open file at once. */
final class ParallelPlaneReads {

	private ParallelPlaneReads() {}

	/**
	 * Reads every Z plane of scene 0 (time 1, channel 2) one by one, then four times over from four
	 * threads, and checks each parallel read against the serial one.
	 *
	 * @return the serial reads' SHA-256 by Z
	 */
	static Map<Integer, String> assertSameAsOneByOne(final CziFile czi) throws Exception {
		final CziScene s = czi.scene(0);
		final Map<Integer, String> serial = new HashMap<>();
		for (int z = 0; z < s.sizeZ(); z++)
			serial.put(z, StoredBytes.sha256(StoredBytes.of(czi.readPlane(0, 1, z, 2))));
		final ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			final Map<Integer, Future<String>> parallel = new HashMap<>();
			for (int round = 0; round < 4; round++)
				for (int z = 0; z < s.sizeZ(); z++) {
					final int zz = z;
					parallel.put(z + 10 * round, pool.submit(() -> StoredBytes.sha256(StoredBytes.of(czi
						.readPlane(0, 1, zz, 2)))));
				}
			for (final Map.Entry<Integer, Future<String>> f : parallel.entrySet())
				assertEquals(serial.get(f.getKey() % 10), f.getValue().get());
		}
		finally {
			pool.shutdown();
		}
		return serial;
	}
}
