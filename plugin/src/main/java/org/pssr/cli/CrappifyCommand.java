package org.pssr.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.pssr.crappify.TwinCrappifier;
import org.pssr.crappify.TwinDatasetWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

	@Mixin
	TwinDrawOptions draw;

	@Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--threads", description = "Worker threads (default: all processors).")
	int threads = Runtime.getRuntime().availableProcessors();


	@Override
	public Integer call() throws Exception {
		TwinDatasetWriter.checkOutput(output);
		final TwinCrappifier crappifier = draw.crappifier(inputs, seed);
		final int valid = draw.validationCount();
		final int samples = draw.samples;
		final long start = System.nanoTime();
		new TwinDatasetWriter(crappifier, threads, (done, total) -> {
			if (done * 10 / total != (done - 1) * 10 / total) {
				System.err.printf(Locale.ROOT, "crappify: %d/%d twins%n", done, total);
			}
		}).write(output, samples - valid, valid);
		final double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf(Locale.ROOT,
			"Wrote %s: %d training + %d validation twins from %d movie(s), %s x%d, %d frames, " +
				"HR tile %d px, LR tile %d px (%.1f s)%n", output, samples - valid, valid, crappifier.sources()
				.size(), crappifier.recipe().name(), draw.scale, draw.frames, draw.tile, draw.tile / draw.scale,
			seconds);
		return ExitCodes.OK;
	}
}
