package org.pssr.app;

import java.nio.file.Path;

/** Refusals of an input say which file they are about, however deep they were raised. */
final class Refusals {

	private Refusals() {}

	/** {@code e}, with the file's name in front unless its message names the file already. */
	static IllegalArgumentException about(final Path file, final IllegalArgumentException e) {
		final String m = String.valueOf(e.getMessage());
		if (file == null || m.contains(file.getFileName().toString())) return e;
		return new IllegalArgumentException(file.getFileName() + ": " + m, e);
	}
}
