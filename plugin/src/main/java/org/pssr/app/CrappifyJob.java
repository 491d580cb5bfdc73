package org.pssr.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.pssr.crappify.Logger;
import org.pssr.crappify.SourceMovie;
import org.pssr.crappify.TwinCrappifier;
import org.pssr.crappify.TwinDatasetWriter;
import org.pssr.crappify.io.Outputs;

/** Writes a twin training dataset from HR movies: {@code pssr crappify} and Generate Twin Training Data. */
public final class CrappifyJob {

	private final TwinDraw draw;
	private final long seed;
	private final int threads;

	/** @param threads worker threads; 0 for one per processor */
	public CrappifyJob(final TwinDraw draw, final long seed, final int threads) {
		if (threads < 0 || threads > 1024) throw new IllegalArgumentException(
			"threads must be 0 (one per processor) to 1024, not " + threads);
		this.draw = draw;
		this.seed = seed;
		this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
	}

	/**
	 * Refuses what {@link #write} would refuse before any movie is read, and an earlier dataset
	 * that {@code rule} does not let it replace.
	 *
	 * @param inputs the movie files, none when they are not files
	 */
	public void check(final Path output, final List<Path> inputs, final OutputRule rule)
		throws IOException
	{
		for (final Path input : inputs)
			Outputs.refuseOverwriting(output, input, "the input movie");
		rule.check("--output", output, OutputRule.Kind.DATASET);
		TwinDatasetWriter.checkOutput(output, List.of());
		draw.validationCount();
	}

	/** The crappifier for {@code sources}; what a preview draws from before the dataset is written. */
	public TwinCrappifier crappifier(final List<SourceMovie> sources) {
		return draw.crappifier(sources, seed);
	}

	/** Writes the dataset; returns what was written, in one line, for the front end to show. */
	public String write(final TwinCrappifier crappifier, final Path output, final Logger log)
		throws IOException
	{
		TwinDatasetWriter.checkOutput(output, crappifier.sources());
		final int valid = draw.validationCount();
		final int train = draw.samples() - valid;
		final long start = System.nanoTime();
		new TwinDatasetWriter(crappifier, threads, log).write(output, train, valid);
		final String summary = String.format(Locale.ROOT,
			"Wrote %s: %d training + %d validation twins from %d movie(s), %s x%d, %d frames, HR tile " +
				"%d px, LR tile %d px (%.1f s)", output, train, valid, crappifier.sources().size(),
			crappifier.recipe().name(), draw.scale(), draw.frames(), draw.tile(), draw.tile() / draw.scale(),
			(System.nanoTime() - start) / 1e9);
		return summary;
	}
}
