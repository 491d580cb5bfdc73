package org.pssr.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.pssr.train.ModelBundle;

/**
 * Training as one SLURM job that survives preemption and time limits. SLURM sends SIGTERM to the
 * batch shell {@value #WARNING_SECONDS} s before the time limit ({@code --signal=B:TERM@...}) and
 * to every process of the job before preempting or requeueing it; pssr then saves the state after
 * its current step to {@code last.ckpt} and exits with the preempted status, the script asks SLURM
 * to requeue the job ({@code --requeue}), and the requeued job resumes from {@code last.ckpt}: the
 * model ends with the weights of an uninterrupted run.
 */
public final class SlurmTrain {

	/** How long before the time limit SLURM warns the job; a step must fit in it. */
	public static final int WARNING_SECONDS = 120;

	private final SlurmJob job;
	private final List<String> train;
	private final Path model;
	private final int preempted;

	/**
	 * @param train the options of {@code pssr train}, without {@code --resume}
	 * @param model the model bundle those options write
	 * @param preempted the exit status of {@code pssr train} when it was preempted
	 */
	public SlurmTrain(final SlurmJob job, final List<String> train, final Path model,
		final int preempted)
	{
		job.check();
		if (train.stream().anyMatch(w -> w.startsWith("--resume"))) throw new IllegalArgumentException("leave out --resume: the " +
			"job resumes from " + ModelBundle.checkpointFolder(model).resolve("last.ckpt") +
			" by itself when it is there");
		this.job = job;
		this.train = train;
		this.model = model.toAbsolutePath().normalize();
		this.preempted = preempted;
	}

	/**
	 * Writes {@code train.sbatch} into {@code folder}, once every value and the script's file passed
	 * the checks ({@code rule} for an earlier script).
	 */
	public Path write(final Path folder, final OutputRule rule) throws IOException {
		final Path dir = SlurmJob.scriptPath("--scripts", folder.toAbsolutePath().normalize());
		final Path logs = dir.resolve("logs");
		final Path script = dir.resolve("train.sbatch");
		final Path checkpoint = ModelBundle.checkpointFolder(model).resolve("last.ckpt");
		final StringBuilder s = new StringBuilder("#!/bin/bash\n");
		s.append("# pssr training as a SLURM job that survives preemption and its time limit. Written by\n");
		s.append("# 'pssr slurm train'; submit with: sbatch ").append(SlurmJob.quote(script)).append('\n');
		s.append("# On SIGTERM (").append(WARNING_SECONDS).append(
			" s before the time limit, or from the scheduler before it\n");
		s.append("# preempts or requeues the job) pssr saves the state after its current step in\n");
		s.append("# last.ckpt and exits with status ").append(preempted).append(
			"; the job is then requeued and resumes from\n");
		s.append("# last.ckpt, ending with the weights of an uninterrupted run. The log is appended to.\n");
		s.append("#SBATCH --requeue\n");
		s.append("#SBATCH --signal=B:TERM@").append(WARNING_SECONDS).append('\n');
		s.append("#SBATCH --open-mode=append\n");
		s.append(job.header("pssr-train", logs.resolve("train-%j.log"), true));
		s.append("set -uo pipefail\n\n");
		s.append(job.launcherArray());
		s.append("checkpoint=").append(SlurmJob.quote(checkpoint)).append('\n');
		s.append("resume=()\n");
		s.append("if [ -f \"$checkpoint\" ]; then resume=(--resume \"$checkpoint\"); fi\n");
		s.append("echo \"pssr: job $SLURM_JOB_ID, start $((${SLURM_RESTART_COUNT:-0} + 1))" +
			"${resume:+, resuming from $checkpoint}\"\n\n");
		s.append("\"${pssr[@]}\" train");
		for (final String word : train)
			s.append(' ').append(SlurmJob.quote(word));
		s.append(" \"${resume[@]}\" &\n");
		s.append("pid=$!\n");
		s.append("# --signal=B: signals this shell only: pass SIGTERM on, and wait for pssr to save.\n");
		s.append("trap 'kill -TERM \"$pid\" 2>/dev/null' TERM\n");
		s.append("while :; do\n");
		s.append("\twait \"$pid\"\n");
		s.append("\tstatus=$?\n");
		s.append("\tkill -0 \"$pid\" 2>/dev/null || break\n");
		s.append("done\n");
		s.append("if [ \"$status\" -eq ").append(preempted).append(" ]; then\n");
		s.append("\techo \"pssr: preempted; requeueing job $SLURM_JOB_ID to resume from $checkpoint\"\n");
		s.append("\tscontrol requeue \"$SLURM_JOB_ID\"\n");
		s.append("fi\n");
		s.append("exit \"$status\"\n");
		SlurmJob.write(rule, logs, new SlurmJob.Script(script, s.toString()));
		return script;
	}
}
