package org.pssr.crappify.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Removal of the staging folders that make dataset writes, exports and extractions atomic, and of
 * folders a command made before it was refused.
 */
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

	/**
	 * Creates the folder {@code dir} with its missing parents, and remembers which were missing: a
	 * command refused later removes them again ({@link Made#removeIfEmpty()}), so that a refusal
	 * leaves nothing behind.
	 */
	public static Made create(final Path dir) throws IOException {
		final Path absolute = dir.toAbsolutePath().normalize();
		Path top = null;
		for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent())
			top = p;
		Files.createDirectories(absolute);
		return new Made(absolute, top);
	}

	/** Folders {@link #create} made. */
	public static final class Made {

		private final Path leaf;
		private final Path top;

		Made(final Path leaf, final Path top) {
			this.leaf = leaf;
			this.top = top;
		}

		/** Removes the folders that were made, from the deepest up, as long as they are empty. */
		public void removeIfEmpty() {
			if (top == null) return;
			for (Path p = leaf; p != null && p.startsWith(top); p = p.getParent()) {
				try {
					Files.delete(p);
				}
				catch (final IOException notEmptyOrGone) {
					return;
				}
			}
		}
	}
}
