package org.pssr.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.pssr.app.SlurmClient;
import org.pssr.app.SlurmJob;
import org.pssr.app.SlurmNodes;

import picocli.CommandLine.Option;

/** What the jobs of {@code pssr slurm} ask SLURM for, and how they start pssr. */
final class SlurmOptions {

	@Option(names = "--partition", paramLabel = "P", description = "SLURM partition (default: the " +
		"cluster's default).")
	String partition;

	@Option(names = "--account", paramLabel = "A", description = "SLURM account to charge.")
	String account;

	@Option(names = "--time", paramLabel = "LIMIT", description = "Time limit of each job or task, " +
		"as sbatch takes it (e.g. 2:00:00; default: the partition's).")
	String time;

	@Option(names = "--mem", paramLabel = "SIZE", description = "Memory per node, e.g. 16G " +
		"(default: the partition's).")
	String mem;

	@Option(names = "--cpus-per-task", defaultValue = "4", paramLabel = "C", description = "CPUs per task; pssr runs " +
		"PyTorch on that many threads (default: ${DEFAULT-VALUE}).")
	int cpusPerTask;

	@Option(names = "--gpus-per-task", defaultValue = "0", paramLabel = "G", description = "GPUs " +
		"per task; pssr uses the first one SLURM allocates (default: ${DEFAULT-VALUE}).")
	int gpusPerTask;

	@Option(names = "--sbatch", paramLabel = "OPTION", description = "Another #SBATCH option for " +
		"the scripts, e.g. --sbatch=--qos=long (repeatable).")
	List<String> extra = new ArrayList<>();

	@Option(names = "--launcher", paramLabel = "COMMAND", description = "How the jobs start the " +
		"pssr command line, as shell words (default: this pssr, ${DEFAULT-VALUE}); with an installed " +
		"Fiji and Java 11 or newer, e.g. \"java -cp '/opt/Fiji.app/jars/*:/opt/Fiji.app/jars/linux64/*' " +
		"org.pssr.cli.Main\".")
	String launcher = SlurmJob.quote(System.getProperty("pssr.launcher", "pssr"));

	@Option(names = "--submit", description = "Submit the jobs with sbatch (else: only write the " +
		"scripts and print how to submit them).")
	boolean submit;

	/**
	 * SLURM's commands on the PATH when the jobs are to be submitted (else null), once the request
	 * was compared with the nodes {@code sinfo} lists: what no node can run is refused here.
	 */
	SlurmClient client(final SlurmJob job) throws IOException {
		if (!submit) return null;
		final SlurmClient client = SlurmClient.onPath(System.getenv("PATH"));
		final Optional<List<SlurmNodes.Node>> nodes = client.nodes();
		if (nodes.isPresent()) SlurmNodes.refuseImpossible(job, nodes.get());
		else System.out.println("note: sinfo did not answer, so the request was not compared with " +
			"the partition's nodes");
		return client;
	}

	/** The request, every value checked ({@link SlurmJob#check()}). */
	SlurmJob job() {
		final SlurmJob job = new SlurmJob();
		job.launcher = launcher;
		job.partition = partition;
		job.account = account;
		job.time = time;
		job.memory = mem;
		job.cpusPerTask = cpusPerTask;
		job.gpusPerTask = gpusPerTask;
		job.extra = extra;
		job.check();
		return job;
	}
}
