package org.pssr.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.pssr.app.CrappifyJob;
import org.pssr.app.SourceMovies;
import org.pssr.app.TwinDraw;
import org.pssr.imagej.MovieFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "crappify", mixinStandardHelpOptions = true,
	defaultValueProvider = SettingDefaults.Twins.class,
	description = { "Make a twin training dataset from high-resolution movies: for random HR " +
		"tiles of frame tuples, two independent degradations (lr1, lr2) and the HR centre frame " +
		"(targets), as TIFF stacks with a manifest.json. Deterministic for a seed, whatever " +
		"the thread count." })
public final class CrappifyCommand implements Callable<Integer> {

	@Option(names = "--input", required = true, arity = "1..*", paramLabel = "FILE",
		description = "HR movies (TIFF, CZI) or folders of them.")
	List<Path> inputs;

	@Option(names = "--output", required = true, paramLabel = "DIR",
		description = "Dataset folder: new, empty, or an earlier dataset (replaced with --overwrite).")
	Path output;

	@Mixin
	TwinDrawOptions draw;

	@Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--threads", defaultValue = "0",
		description = "Worker threads; 0: one per processor (default).")
	int threads;

	@Mixin
	OverwriteOption overwrite;

	@Override
	public Integer call() throws Exception {
		final TwinDraw d = draw.draw();
		final CrappifyJob job = new CrappifyJob(d, seed, threads);
		final List<Path> files = SourceMovies.expand(inputs);
		job.check(output, files, overwrite.rule());
		final String summary = job.write(job.crappifier(SourceMovies.open(files, d.channel(), d.zAsTime(),
			MovieFiles.IMAGEJ)), output, ConsoleLogger.stdout());
		System.out.println(summary);
		return ExitCodes.OK;
	}
}
