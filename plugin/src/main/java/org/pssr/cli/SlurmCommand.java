package org.pssr.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.pssr.app.ModelFiles;
import org.pssr.app.OpenModel;
import org.pssr.app.OutputRule;
import org.pssr.app.SlurmClient;
import org.pssr.app.SlurmJob;
import org.pssr.app.SlurmSuperres;
import org.pssr.app.SlurmTrain;
import org.pssr.imagej.MovieFiles;
import org.pssr.train.ModelBundle;
import org.pssr.train.infer.TileSizes;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "slurm", mixinStandardHelpOptions = true,
	description = { "Write SLURM batch scripts that run pssr on a cluster, and submit them with " +
		"--submit: super-resolution as an array job (a task per movie or per chunk of frames) with " +
		"a join job after it, or training as a job that survives preemption." },
	subcommands = { SlurmCommand.Superres.class, SlurmCommand.Train.class })
public final class SlurmCommand implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	@Command(name = "superres", mixinStandardHelpOptions = true, sortOptions = false,
		defaultValueProvider = SettingDefaults.SlurmSuperres.class,
		description = { "An array job super-resolving a movie or a folder of movies, one task per " +
			"movie or per chunk of --chunk-frames frames (each task reads the frames around its " +
			"chunk: the result is that of one run), and a join job that assembles each movie once " +
			"every task has succeeded. A task skips a part that is already complete, so after a " +
			"failure or a cancel the same jobs can be submitted again." })
	static final class Superres implements Callable<Integer> {

		@Mixin
		ModelOptions run;

		@Option(names = "--tile", paramLabel = "N",
			description = "LR tile side, the same for every task, so that the parts join to the movie " +
				"one run gives (default: " + HR_TILE + " / the model's scale, HR tiles of " + HR_TILE +
				" px; 0: each task picks from the memory it finds free, which may differ between nodes).")
		Integer tile;

		@Mixin
		MoviesInput movies;

		@Option(names = "--output", required = true, paramLabel = "DIR",
			description = "Folder for NAME_pssr.tif of each movie (parts in NAME_pssr.parts/).")
		Path output;

		@Mixin
		BitsOption bits;

		@Option(names = "--chunk-frames", defaultValue = "0", paramLabel = "N",
			description = "Frames per task; 0: one task per movie (default: ${DEFAULT-VALUE}).")
		int chunkFrames;

		@Option(names = "--delete-parts", description = "The join job deletes each movie's parts " +
			"once it is written (default: keep them).")
		boolean deleteParts;

		@Option(names = "--scripts", paramLabel = "DIR",
			description = "Folder for the scripts and logs (default: OUTPUT/slurm).")
		Path scripts;

		@Mixin
		SlurmOptions slurm;

		@Mixin
		OverwriteOption overwrite;

		@Override
		public Integer call() throws IOException {
			final Path input = movies.existing();
			if (tile != null && tile < 0) throw new UserException("--tile must be 0 (each task picks) or " +
				"more, not " + tile);
			final SlurmJob job = slurm.job();
			final SlurmClient client = slurm.client(job);
			final int side = tile != null ? tile : tileFor(run.model);
			final List<SlurmSuperres.Task> tasks = SlurmSuperres.tasks(input, output, chunkFrames,
				run.movie.channel, MovieFiles.IMAGEJ);
			final SlurmSuperres jobs = new SlurmSuperres(job, run.model, List.of("--tile", Integer.toString(
				side), "--device", run.device, "--channel", Integer.toString(run.movie.channel), "--bits", Integer
					.toString(bits.bits)), deleteParts, overwrite.rule());
			final SlurmSuperres.Scripts written = jobs.write(tasks, scripts != null ? scripts : output
				.resolve("slurm"));
			System.out.println(String.format(Locale.ROOT, "Wrote %s (%d %s) and %s", written.array,
				written.tasks, written.tasks == 1 ? "task" : "tasks", written.join));
			if (client == null) {
				System.out.println("Submit with: jobid=$(sbatch --parsable " + SlurmJob.quote(written.array
					.toString()) + ") && sbatch --dependency=afterok:$jobid " + SlurmJob.quote(written.join
						.toString()));
				return ExitCodes.OK;
			}
			final String array = client.submit(written.array);
			final String join;
			try {
				join = client.submit(written.join, "--dependency=afterok:" + array);
			}
			catch (final IllegalArgumentException | IOException e) {
				// a join job that never comes would leave the array's parts unjoined: take it back
				final Optional<String> failed = client.cancel(array);
				throw new UserException(e.getMessage() + "; " + (failed.isEmpty() ? "cancelled the array " +
					"job " + array + " (scancel), so nothing is left queued" : "the array job " + array +
						" is still queued and could not be cancelled (" + failed.get() + "): scancel " + array +
						" yourself"), e);
			}
			System.out.println("Submitted array job " + array + " and join job " + join);
			return ExitCodes.OK;
		}
	}

	/** HR tile side of the default tile: about 5 GB of activations for the U-Nets of pssr. */
	static final int HR_TILE = 2048;

	/** The model opened once (a bad one is refused here, not in every task) for its scale. */
	static int tileFor(final Path model) throws IOException {
		try (OpenModel opened = ModelFiles.open(model, "cpu")) {
			return Math.max(TileSizes.MIN, HR_TILE / opened.model().scale());
		}
	}

	@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "A training job that survives preemption and its time limit: on SIGTERM " +
			"pssr saves the state after its current step and exits with " + ExitCodes.PREEMPTED +
			", the job is requeued and resumes from MODEL.checkpoints/last.ckpt, ending with the " +
			"weights of an uninterrupted run. The training options follow '--', as 'pssr train' takes " +
			"them, e.g.: pssr slurm train --gpus-per-task 1 --submit -- --data twins --output " +
			"m.pssr.zip --preset pssr" })
	static final class Train implements Callable<Integer> {

		@Option(names = "--scripts", paramLabel = "DIR",
			description = "Folder for the script and logs (default: MODEL.slurm beside the model).")
		Path scripts;

		@Mixin
		SlurmOptions slurm;

		@Parameters(paramLabel = "TRAIN_OPTION", description = "The options of 'pssr train' (after --).")
		List<String> train = new ArrayList<>();

		@Mixin
		OverwriteOption overwrite;

		@Override
		public Integer call() throws IOException {
			final TrainCommand parsed = new TrainCommand();
			try {
				new CommandLine(parsed).parseArgs(train.toArray(new String[0]));
			}
			catch (final CommandLine.ParameterException e) {
				throw new UserException("the training options after --: " + e.getMessage(), e);
			}
			final Path model = parsed.output.toAbsolutePath();
			if (model.getFileName() == null || !model.getFileName().toString().endsWith(
				ModelBundle.SUFFIX)) throw new UserException(
				"the model file must end with " + ModelBundle.SUFFIX + ": " + parsed.output);
			final SlurmJob job = slurm.job();
			final SlurmClient client = slurm.client(job);
			// --overwrite before or after --: the job's training replaces an earlier model too
			final OutputRule rule = overwrite.overwrite ? overwrite.rule() : parsed.overwrite.rule();
			final List<String> words = new ArrayList<>(train);
			if (overwrite.overwrite && !parsed.overwrite.overwrite) words.add("--overwrite");
			rule.check("--output", model, OutputRule.Kind.MODEL);
			final Path script = new SlurmTrain(job, words, model, ExitCodes.PREEMPTED).write(scripts !=
				null ? scripts : model.resolveSibling(model.getFileName().toString().replace(
					ModelBundle.SUFFIX, "") + ".slurm"), rule);
			System.out.println("Wrote " + script);
			if (client == null) {
				System.out.println("Submit with: sbatch " + SlurmJob.quote(script.toString()));
				return ExitCodes.OK;
			}
			System.out.println("Submitted training job " + client.submit(script));
			return ExitCodes.OK;
		}
	}
}
