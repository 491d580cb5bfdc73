package org.pssr.crappify.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where an output may not go: onto an input, or into a folder that replacing would delete along
 * with an input. Paths are compared as the file system resolves them (links and {@code ..}), so a
 * symbolic link to the input is the input.
 */
public final class Outputs {

	private Outputs() {}

	/** Whether {@code path} is {@code output}, or lies inside the folder {@code output}. */
	public static boolean contains(final Path output, final Path path) {
		return real(path).startsWith(real(output));
	}

	/**
	 * @param what what the input is, for the message ("the input movie", "the model")
	 * @throws IllegalArgumentException when writing {@code output} would replace {@code input} or
	 *           delete it
	 */
	public static void refuseOverwriting(final Path output, final Path input, final String what) {
		if (input != null && contains(output, input)) throw new IllegalArgumentException("output " +
			output + (real(output).equals(real(input)) ? " is " : " holds ") + what + " " + input +
			"; writing it would destroy " + what + ": choose another output");
	}

	/**
	 * Refuses, before any work, an output that could never be written: one inside a file, or a
	 * folder where a file is to be written.
	 */
	public static void refuseUnwritable(final Path file) {
		Path existing = file.toAbsolutePath().normalize();
		if (Files.isDirectory(existing)) throw new IllegalArgumentException("cannot write " + file +
			": it is a folder");
		existing = existing.getParent();
		while (existing != null && !Files.exists(existing))
			existing = existing.getParent();
		if (existing != null && !Files.isDirectory(existing)) throw new IllegalArgumentException(
			"cannot write " + file + ": " + existing + " is a file, not a folder");
	}

	/** {@code path} with links and {@code ..} resolved, as far as it exists. */
	static Path real(final Path path) {
		Path existing = path.toAbsolutePath().normalize();
		Path rest = existing.getFileSystem().getPath("");
		while (existing != null && !Files.exists(existing)) {
			rest = existing.getFileName().resolve(rest);
			existing = existing.getParent();
		}
		if (existing == null) return path.toAbsolutePath().normalize();
		try {
			return existing.toRealPath().resolve(rest).normalize();
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
