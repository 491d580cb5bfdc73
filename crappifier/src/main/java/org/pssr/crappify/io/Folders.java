package org.pssr.crappify.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removal of the staging folders that make dataset writes, exports and extractions atomic. */
public final class Folders {

	private Folders() {}

	/** Deletes {@code root} and everything under it; nothing when it does not exist. */
	public static void deleteTree(final Path root) throws IOException {
		if (!Files.exists(root)) return;
		try (Stream<Path> all = Files.walk(root)) {
			for (final Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
				Files.deleteIfExists(p);
			}
		}
	}
}
