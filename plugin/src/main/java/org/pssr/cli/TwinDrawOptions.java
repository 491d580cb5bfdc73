package org.pssr.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.pssr.crappify.Degradation;
import org.pssr.crappify.Degradations;
import org.pssr.crappify.TwinCrappifier;
import org.pssr.crappify.TwinDatasetWriter;
import org.pssr.crappify.TwinOptions;
import org.pssr.fiji.SourceMovies;

import picocli.CommandLine.Option;

/**
 * How twins are drawn from HR movies, shared by {@code crappify} (which stores them) and
 * {@code train --movies} (which draws them on the fly), so both take the same options.
 */
final class TwinDrawOptions {

	@Option(names = "--scale", defaultValue = "4", description = "2, 4 or 8 (default: ${DEFAULT-VALUE}).")
	int scale;

	@Option(names = "--frames", defaultValue = "3", description = "Frames per tuple: 1, 3 or 5 (default: ${DEFAULT-VALUE}).")
	int frames;

	@Option(names = "--tile", defaultValue = "128", description = "HR tile edge in pixels (default: ${DEFAULT-VALUE}).")
	int tile;

	@Option(names = "--samples", defaultValue = "1000",
		description = "Twin samples in all, training plus validation; per epoch when drawn on the fly (default: ${DEFAULT-VALUE}).")
	int samples;

	@Option(names = "--recipe", defaultValue = "pssr", description = "pssr or poisson (default: ${DEFAULT-VALUE}).")
	String recipe;

	@Option(names = "--param", paramLabel = "NAME=VALUE",
		description = "Recipe parameter, repeatable: pssr salt, pepper, sigma, variance; poisson photons, readnoise.")
	Map<String, Double> parameters;

	@Option(names = "--channel", defaultValue = "1", description = "1-based channel (default: ${DEFAULT-VALUE}).")
	int channel;

	@Option(names = "--validation", defaultValue = "0.1", description = "Fraction of frames (the last of each movie) and of samples held out for validation (default: ${DEFAULT-VALUE}).")
	double validation;

	@Option(names = "--min-signal", defaultValue = "0.05", description = "Redraw tiles whose normalised HR mean is below this (default: ${DEFAULT-VALUE}).")
	double minSignal;

	@Option(names = "--no-augment", description = "No random flips and 90° rotations.")
	boolean noAugment;

	@Option(names = "--z-as-time", description = "Use the slices of a Z-stack as the sequence.")
	boolean zAsTime;

	Degradation degradation() {
		return Degradations.create(recipe, scale, parameters == null ? Collections.emptyMap()
			: parameters);
	}

	/** Opens the movies (files or folders) and the crappifier drawing from them. */
	TwinCrappifier crappifier(final List<Path> inputs, final long seed) throws IOException {
		if (samples < 1) throw new UserException("--samples must be at least 1");
		final Degradation degradation = degradation();
		final TwinOptions options = new TwinOptions().frames(frames).tile(tile).seed(seed).minSignal(
			minSignal).augment(!noAugment).validation(validation);
		return new TwinCrappifier(SourceMovies.open(SourceMovies.expand(inputs), channel, zAsTime),
			degradation, options);
	}

	/** Validation samples out of {@link #samples}; refuses a split that leaves one side empty. */
	int validationCount() {
		final int valid = TwinDatasetWriter.validationCount(samples, validation);
		if (validation > 0 && valid == 0) throw new UserException(
			"--samples must be at least 2 to hold out validation samples (or --validation 0)");
		return valid;
	}
}
