package org.pssr.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.pssr.crappify.io.Folders;

/**
 * Hostile bytes as a file a reader is given, and the one verdict the fuzz tests share: the reader
 * either takes the file or refuses it as bad input (IllegalArgumentException, or an IOException
 * naming a damaged file); anything else (a NullPointerException, an out-of-memory, an ImageJ dialog
 * in a headless JVM) is a bug.
 */
final class FuzzFiles {

	private FuzzFiles() {}

	interface Reader {

		void read(Path file) throws IOException;
	}

	static void takenOrRefused(final byte[] bytes, final String name, final Reader reader) {
		Path dir = null;
		try {
			dir = Files.createTempDirectory("pssr-fuzz");
			final Path file = Files.write(dir.resolve(name), bytes);
			reader.read(file);
		}
		catch (final IllegalArgumentException | IOException refused) {
			// the contract: bad input is refused with a reason
		}
		catch (final RuntimeException | OutOfMemoryError e) {
			fail(name + " of " + bytes.length + " bytes: " + e, e);
		}
		finally {
			if (dir != null) {
				try {
					Folders.deleteTree(dir);
				}
				catch (final IOException e) {
					throw new UncheckedIOException(e);
				}
			}
		}
	}
}
