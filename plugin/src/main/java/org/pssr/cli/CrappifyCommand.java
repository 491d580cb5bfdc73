package org.pssr.cli;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.pssr.crappify.Degradation;
import org.pssr.crappify.Degradations;
import org.pssr.crappify.SourceMovie;
import org.pssr.crappify.TwinCrappifier;
import org.pssr.crappify.TwinDatasetWriter;
import org.pssr.crappify.TwinOptions;
import org.pssr.fiji.SourceMovies;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "crappify", mixinStandardHelpOptions = true,
	description = { "Make a twin training dataset from high-resolution movies: for random HR " +
		"tiles of frame tuples, two independent degradations (lr1, lr2) and the HR centre frame " +
		"(targets), as TIFF stacks with a manifest.json. Deterministic for a seed, whatever " +
		"the thread count." })
public final class CrappifyCommand implements Callable<Integer> {

	@Option(names = "--input", required = true, arity = "1..*", paramLabel = "FILE",
		description = "HR movies (TIFF, CZI) or folders of them.")
	List<Path> inputs;

	@Option(names = "--output", required = true, paramLabel = "DIR",
		description = "Dataset folder: new, empty, or an earlier dataset (replaced).")
	Path output;

	@Option(names = "--scale", defaultValue = "4", description = "2, 4 or 8 (default: ${DEFAULT-VALUE}).")
	int scale;

	@Option(names = "--frames", defaultValue = "3", description = "Frames per tuple: 1, 3 or 5 (default: ${DEFAULT-VALUE}).")
	int frames;

	@Option(names = "--tile", defaultValue = "128", description = "HR tile edge in pixels (default: ${DEFAULT-VALUE}).")
	int tile;

	@Option(names = "--samples", defaultValue = "1000", description = "Twin samples in all, training plus validation (default: ${DEFAULT-VALUE}).")
	int samples;

	@Option(names = "--recipe", defaultValue = "pssr", description = "pssr or poisson (default: ${DEFAULT-VALUE}).")
	String recipe;

	@Option(names = "--param", paramLabel = "NAME=VALUE",
		description = "Recipe parameter, repeatable: pssr salt, pepper, sigma, variance; poisson photons, readnoise.")
	Map<String, Double> parameters;

	@Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--channel", defaultValue = "1", description = "1-based channel (default: ${DEFAULT-VALUE}).")
	int channel;

	@Option(names = "--validation", defaultValue = "0.1", description = "Fraction of frames (the last of each movie) and of samples held out for validation (default: ${DEFAULT-VALUE}).")
	double validation;

	@Option(names = "--min-signal", defaultValue = "0.05", description = "Redraw tiles whose normalised HR mean is below this (default: ${DEFAULT-VALUE}).")
	double minSignal;

	@Option(names = "--no-augment", description = "No random flips and 90° rotations.")
	boolean noAugment;

	@Option(names = "--threads", description = "Worker threads (default: all processors).")
	int threads = Runtime.getRuntime().availableProcessors();

	@Option(names = "--z-as-time", description = "Use the slices of a Z-stack as the sequence.")
	boolean zAsTime;

	@Override
	public Integer call() throws Exception {
		if (samples < 1) throw new UserException("--samples must be at least 1");
		TwinDatasetWriter.checkOutput(output);
		final Degradation degradation = Degradations.create(recipe, scale, parameters == null
			? Collections.emptyMap() : parameters);
		final TwinOptions options = new TwinOptions().frames(frames).tile(tile).seed(seed).minSignal(
			minSignal).augment(!noAugment).validation(validation);
		final List<SourceMovie> sources = SourceMovies.open(SourceMovies.expand(inputs), channel,
			zAsTime);
		final TwinCrappifier crappifier = new TwinCrappifier(sources, degradation, options);
		final int valid = TwinDatasetWriter.validationCount(samples, validation);
		if (validation > 0 && valid == 0) throw new UserException(
			"--samples must be at least 2 to hold out validation samples (or --validation 0)");
		final long start = System.nanoTime();
		new TwinDatasetWriter(crappifier, threads, (done, total) -> {
			if (done * 10 / total != (done - 1) * 10 / total) {
				System.err.printf(Locale.ROOT, "crappify: %d/%d twins%n", done, total);
			}
		}).write(output, samples - valid, valid);
		final double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf(Locale.ROOT,
			"Wrote %s: %d training + %d validation twins from %d movie(s), %s x%d, %d frames, " +
				"HR tile %d px, LR tile %d px (%.1f s)%n", output, samples - valid, valid, sources.size(),
			degradation.name(), scale, frames, tile, tile / scale, seconds);
		return ExitCodes.OK;
	}
}
