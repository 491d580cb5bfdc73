package org.pssr.train.exchange;

import java.nio.file.Path;
import java.util.Locale;

/** What {@link ModelExport} writes. */
public enum ExportFormat {

	/** A TensorFlow SavedModel folder. */
	SAVEDMODEL,
	/** A bioimage.io model package (zip): rdf.yaml, the SavedModel, test tensors, documentation. */
	BIOIMAGEIO;

	/** @throws IllegalArgumentException naming the choices */
	public static ExportFormat parse(final String name) {
		final String key = name.trim().toLowerCase(Locale.ROOT);
		for (final ExportFormat value : values())
			if (value.toString().equals(key)) return value;
		throw new IllegalArgumentException("unknown export format '" + name +
			"': use savedmodel or bioimageio");
	}

	/** The format an output name asks for: a {@code .zip} is a package, anything else a folder. */
	public static ExportFormat forOutput(final Path output) {
		return output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip") ? BIOIMAGEIO
			: SAVEDMODEL;
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
