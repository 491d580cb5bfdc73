package org.pssr.app;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.pssr.crappify.Movie;

/**
 * Super-resolution of movies as a SLURM array job, one task per movie or per chunk of a movie's
 * frames, and a join job that runs once every task has succeeded. Each task writes its frames as a
 * part with a record ({@link MovieParts}) and skips a part that is already complete, so the same job
 * can be submitted again after a failure, a cancel or a node loss and only does what is missing; the
 * join job assembles each movie, the same planes one process writes.
 */
public final class SlurmSuperres {

	/** Frames {@link #frames} of {@link #input}, as a part of {@link #output}. */
	public static final class Task {

		public final Path input;
		public final Path output;
		public final FrameRange frames;

		Task(final Path input, final Path output, final FrameRange frames) {
			this.input = input;
			this.output = output;
			this.frames = frames;
		}
	}

	/** The two scripts, submitted in this order. */
	public static final class Scripts {

		public final Path array;
		public final Path join;
		public final int tasks;

		Scripts(final Path array, final Path join, final int tasks) {
			this.array = array;
			this.join = join;
			this.tasks = tasks;
		}
	}

	private final SlurmJob job;
	private final Path model;
	private final String inference;
	private final boolean deleteParts;
	private final OutputRule rule;

	/**
	 * @param inference the superres options every task passes on ({@code --tile 0 --device auto
	 *          ...}), as shell words
	 * @param rule whether earlier outputs of pssr's may be replaced: by this command (the scripts)
	 *          and by the jobs (parts of another run, joined movies)
	 */
	public SlurmSuperres(final SlurmJob job, final Path model, final List<String> inference,
		final boolean deleteParts, final OutputRule rule)
	{
		job.check();
		this.job = job;
		this.model = SlurmJob.scriptPath("--model", model.toAbsolutePath().normalize());
		final StringBuilder s = new StringBuilder();
		for (final String word : inference)
			s.append(' ').append(SlurmJob.quote(word));
		if (rule.overwrite()) s.append(" --overwrite");
		this.inference = s.toString();
		this.deleteParts = deleteParts;
		this.rule = rule;
	}

	/**
	 * One task per movie of {@code input} (a movie, or a folder of them), or per chunk of at most
	 * {@code chunkFrames} frames; {@code output/NAME_pssr.tif} for each movie.
	 *
	 * @param chunkFrames 0 for whole movies
	 */
	public static List<Task> tasks(final Path input, final Path output, final int chunkFrames,
		final int channel, final MovieOpener opener) throws IOException
	{
		if (chunkFrames < 0) throw new IllegalArgumentException("--chunk-frames must be 0 (whole " +
			"movies) or more, not " + chunkFrames);
		final List<Path> movies = Files.isDirectory(input) ? SuperresJob.movieFiles(input) : List.of(
			input);
		if (movies.isEmpty()) throw new IllegalArgumentException("no .tif, .tiff or .czi movies in " +
			input);
		final List<Task> tasks = new ArrayList<>();
		for (final Path movie : movies) {
			SlurmJob.scriptPath("the movie", movie);
			final int frames = frames(opener, movie, channel);
			final Path out = SlurmJob.scriptPath("--output", output.toAbsolutePath().normalize()
				.resolve(SuperresJob.baseName(movie) + SuperresJob.SUFFIX));
			for (final FrameRange r : FrameRange.chunks(frames, chunkFrames == 0 ? frames : chunkFrames))
				tasks.add(new Task(movie.toAbsolutePath().normalize(), out, r));
		}
		return tasks;
	}

	private static int frames(final MovieOpener opener, final Path file, final int channel)
		throws IOException
	{
		final Movie movie = opener.open(file, channel);
		try {
			if (movie.frames() < 1) throw new IllegalArgumentException(file + " has no frames");
			return movie.frames();
		}
		finally {
			if (movie instanceof Closeable) ((Closeable) movie).close();
		}
	}

	/**
	 * Writes {@code superres.sbatch} (the array) and {@code join.sbatch} into {@code folder}; checks
	 * every value and every output first, so that a refusal leaves nothing behind.
	 */
	public Scripts write(final List<Task> tasks, final Path folder) throws IOException {
		if (tasks.isEmpty()) throw new IllegalArgumentException("nothing to do: no movie");
		final Path dir = SlurmJob.scriptPath("--scripts", folder.toAbsolutePath().normalize());
		final Path logs = dir.resolve("logs");
		final Set<Path> outputs = new LinkedHashSet<>();
		tasks.forEach(t -> outputs.add(t.output));
		for (final Path output : outputs)
			rule.check("--output", output, OutputRule.Kind.MOVIE);
		final Path array = dir.resolve("superres.sbatch");
		final Path join = dir.resolve("join.sbatch");
		final SlurmJob.Script arrayScript = new SlurmJob.Script(array, array(tasks, outputs.size(), logs,
			array, join));
		final SlurmJob.Script joinScript = new SlurmJob.Script(join, join(outputs, logs, array));
		SlurmJob.write(rule, logs, arrayScript, joinScript);
		return new Scripts(array, join, tasks.size());
	}

	private String array(final List<Task> tasks, final int movies, final Path logs, final Path array,
		final Path join)
	{
		final StringBuilder s = new StringBuilder("#!/bin/bash\n");
		s.append(String.format(Locale.ROOT,
			"# pssr super-resolution as a SLURM array job: %d %s in %d %s, one per task.%n", movies,
			movies == 1 ? "movie" : "movies", tasks.size(), tasks.size() == 1 ? "part" : "parts"));
		s.append("# Written by 'pssr slurm superres'. Submit it, then the join job to run once every\n");
		s.append("# task has succeeded (what 'pssr slurm superres --submit' does):\n");
		s.append("#   jobid=$(sbatch --parsable ").append(SlurmJob.quote(array)).append(")\n");
		s.append("#   sbatch --dependency=afterok:$jobid ").append(SlurmJob.quote(join)).append('\n');
		s.append("# Each task writes OUTPUT.parts/frames-FIRST-LAST.tif with a record and skips a part\n");
		s.append("# that is already complete: after a failure or a cancel, submit both again.\n");
		s.append("#SBATCH --array=0-").append(tasks.size() - 1).append('\n');
		s.append(job.header("pssr-superres", logs.resolve("superres-%A_%a.log"), true));
		s.append("set -euo pipefail\n\n");
		s.append(job.launcherArray());
		s.append("model=").append(SlurmJob.quote(model)).append("\n\n");
		s.append("# One line per task: task, input movie, output movie, frames (from 1, both included).\n");
		s.append("task() { if [ \"$1\" = \"$SLURM_ARRAY_TASK_ID\" ]; then input=$2; output=$3; " +
			"frames=$4; fi; }\n");
		for (int i = 0; i < tasks.size(); i++) {
			final Task t = tasks.get(i);
			s.append("task ").append(i).append(' ').append(SlurmJob.quote(t.input)).append(' ').append(
				SlurmJob.quote(t.output)).append(' ').append(t.frames).append('\n');
		}
		s.append("\necho \"pssr: task $SLURM_ARRAY_TASK_ID: frames $frames of $input\"\n");
		s.append("exec \"${pssr[@]}\" superres --model \"$model\" --input \"$input\" --output " +
			"\"$output\" --frames \"$frames\"").append(inference).append('\n');
		return s.toString();
	}

	private String join(final Set<Path> outputs, final Path logs, final Path array) {
		final StringBuilder s = new StringBuilder("#!/bin/bash\n");
		s.append("# pssr: joins the parts the array job ").append(SlurmJob.quote(array.getFileName()
			.toString())).append(" wrote into one TIFF per movie.\n");
		s.append("# Submit it with --dependency=afterok:ARRAY_JOB_ID so that it runs once every task has\n");
		s.append("# succeeded; a movie with a missing, damaged or mismatched part is refused, nothing\n");
		s.append("# is joined wrongly, and the other movies are still joined.\n");
		s.append(job.header("pssr-join", logs.resolve("join-%j.log"), false));
		s.append("set -uo pipefail\n\n");
		s.append(job.launcherArray());
		s.append("status=0\n");
		s.append("for output in");
		for (final Path o : outputs)
			s.append(" \\\n\t").append(SlurmJob.quote(o));
		s.append("\ndo\n");
		s.append("\t\"${pssr[@]}\" join --output \"$output\"").append(deleteParts ? " --delete-parts"
			: "").append(rule.overwrite() ? " --overwrite" : "").append(" || status=1\n");
		s.append("done\n");
		s.append("exit $status\n");
		return s.toString();
	}
}
