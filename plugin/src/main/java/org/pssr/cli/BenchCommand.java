package org.pssr.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.pssr.bench.Bench;
import org.pssr.bench.BenchContext;
import org.pssr.bench.BenchReport;
import org.pssr.bench.Machine;
import org.pssr.bench.Measurement;
import org.pssr.bench.Reference;
import org.pssr.bench.Workload;
import org.pssr.train.Engines;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
	description = { "Measure training and inference speed, data throughput, memory and the share " +
		"of the machine's peak, next to the Python PyTorch reference (bench/reference, run with " +
		"/usr/bin/python3 and python3-torch), and write results.md and results.json." })
public final class BenchCommand implements Callable<Integer> {

	@Option(names = "--output", defaultValue = "bench",
		description = "Folder for results.md and results.json (default: ${DEFAULT-VALUE}).")
	Path output;

	@Option(names = "--quick", description = "Tiny sizes: a smoke test of the harness, not a measurement.")
	boolean quick;

	@Option(names = "--only", arity = "1..*", paramLabel = "NAME",
		description = "Run only workloads whose name starts with NAME (e.g. train, infer-small, memory).")
	List<String> only = new ArrayList<>();

	@Option(names = "--threads", description = "Threads for both engines (default: all cores).")
	int threads = Runtime.getRuntime().availableProcessors();

	@Option(names = "--no-reference", description = "Do not run the Python reference.")
	boolean noReference;

	@Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu",
		description = "Device of the peak, training and inference rows, on both sides (the " +
			"reference: CUDA); the others run on the CPU (default: ${DEFAULT-VALUE}). A GPU needs the " +
			"-Pgpu build and a PyTorch for Python with CUDA (-Dpssr.python=...).")
	String device;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		if (threads < 1) throw new UserException("--threads must be at least 1, not " + threads);
		final String choice = device.trim().toLowerCase(java.util.Locale.ROOT);
		if (!choice.equals("cpu") && !choice.equals("gpu")) throw new UserException(
			"--device takes cpu or gpu, not '" + device + "' (a benchmark says what it ran on)");
		BenchContext.requestEngineThreads(threads);
		final List<Workload> workloads = Bench.select(Bench.workloads(quick), only);
		final Reference reference = noReference ? Reference.disabled() : Reference.standard(threads);
		final BenchContext context = new BenchContext(quick, threads, reference, Paths.get(System
			.getProperty("pssr.shared", "../shared")), Engines.device(choice));
		final PrintWriter out = spec.commandLine().getOut();
		final String ours = "DJL " + Engines.djlVersion() + ", " + Engines.ENGINE + " " + Engines.pytorch()
			.getVersion() + ", " + BenchContext.ourThreads() + " intra-op / " + BenchContext
				.ourInteropThreads() + " inter-op threads" + (context.onGpu() ? "; peak, training and " +
					"inference on " + context.device() : "");
		out.println("bench: " + Machine.describe());
		out.println("bench: ours " + ours + "; reference " + (reference.available() ? reference.script()
			: reference.unavailableReason()));
		if (BenchContext.ourThreads() != threads) out.println("bench: warning: the engine was already " +
			"loaded with " + BenchContext.ourThreads() + " threads, not " + threads);
		final List<Measurement> rows = Bench.run(context, workloads, out);
		final String command = "pssr bench" + (quick ? " --quick" : "") + (only.isEmpty() ? "" :
			" --only " + String.join(" ", only)) + " --threads " + threads + (context.onGpu() ? " --device gpu" : "") + (
				noReference ? " --no-reference" : "");
		new BenchReport(Machine.describe(), ours, reference.describe()).write(output, rows, command);
		out.println("bench: wrote " + output.resolve("results.md") + " and " + output.resolve(
			"results.json"));
		return ExitCodes.OK;
	}
}
