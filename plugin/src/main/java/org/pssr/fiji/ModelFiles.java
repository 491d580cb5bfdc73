package org.pssr.fiji;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens model files for every command that takes one; the one place that knows the bundle format. */
public final class ModelFiles {

	private ModelFiles() {}

	/**
	 * @param device {@code auto}, {@code cpu} or {@code gpu}
	 * @throws NoSuchFileException when the file is missing
	 * @throws IllegalArgumentException when the file is not a model this build can use
	 */
	public static OpenModel open(final Path file, final String device) throws IOException {
		if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null,
			"no such model file");
		throw new IllegalArgumentException(file + ": model bundles are read by ModelBundle, " +
			"which this build does not contain yet");
	}
}
