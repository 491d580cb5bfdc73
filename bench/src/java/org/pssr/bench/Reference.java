package org.pssr.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The Python PyTorch reference ({@code bench/reference/pssr_reference.py}) run as a subprocess with
 * Debian's {@code /usr/bin/python3} and {@code python3-torch}; each call prints one JSON object.
 */
public final class Reference {

	public static final String INSTALL_HINT =
		"reference not run: needs Debian's PyTorch (sudo apt-get install python3-torch python3-tifffile " +
			"libopenblas0-pthread)";

	private final String python;
	private final Path script;
	private final int threads;
	private Boolean available;
	private String unavailableReason;
	private String engine;

	public Reference(final String python, final Path script, final int threads) {
		this.python = python;
		this.script = script;
		this.threads = threads;
	}

	/** {@code /usr/bin/python3} (property {@code pssr.python}) and the script under {@code bench/reference}. */
	public static Reference standard(final int threads) {
		final Path script = Path.of(System.getProperty("pssr.bench.reference",
			"bench/reference/pssr_reference.py"));
		return new Reference(System.getProperty("pssr.python", "/usr/bin/python3"), script, threads);
	}

	/** A reference that never runs, for {@code --no-reference}. */
	public static Reference disabled() {
		final Reference r = new Reference("none", Path.of("none"), 1);
		r.available = false;
		r.unavailableReason = "reference not run (--no-reference)";
		return r;
	}

	public Path script() {
		return script;
	}

	/** Whether the script exists and the interpreter imports torch and tifffile; checked once. */
	public synchronized boolean available() {
		if (available == null) {
			if (!Files.isRegularFile(script)) {
				unavailableReason = "reference not run: " + script + " not found (run from the project root)";
				available = false;
			}
			else {
				try {
					final Output o = exec(Arrays.asList(python, "-c", "import torch, tifffile"), 120);
					available = o.exit == 0;
					if (!available) unavailableReason = INSTALL_HINT;
				}
				catch (final IOException e) {
					available = false;
					unavailableReason = INSTALL_HINT + " (" + python + ": " + e.getMessage() + ")";
				}
			}
		}
		return available;
	}

	/** Why the reference column is empty; null when it is available. */
	public String unavailableReason() {
		return available() ? null : unavailableReason;
	}

	/** Runs {@code pssr_reference.py mode args... --threads N}; its JSON answer. */
	public JsonObject run(final String mode, final String... args) throws IOException {
		final List<String> cmd = new ArrayList<>(Arrays.asList(python, script.toString(), mode));
		cmd.addAll(Arrays.asList(args));
		cmd.add("--threads");
		cmd.add(Integer.toString(threads));
		final Output o = exec(cmd, 1800);
		if (o.exit != 0) throw new IOException("reference " + mode + " failed (exit " + o.exit + "): " +
			o.stderr.trim());
		final String[] lines = o.stdout.trim().split("\n");
		final JsonObject answer = JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
		synchronized (this) {
			engine = "Python PyTorch " + answer.get("torch").getAsString() + " (" + python + "), " + answer
				.get("threads").getAsInt() + " threads (torch.set_num_threads, same for inter-op), BLAS " +
				answer.get("blas").getAsString();
		}
		return answer;
	}

	/** Engine and threads the reference reported in its last answer; why it did not run otherwise. */
	public synchronized String describe() {
		if (!available()) return unavailableReason;
		return engine != null ? engine : "Python PyTorch via " + python + " (not run)";
	}

	private static final class Output {

		int exit;
		String stdout;
		String stderr;
	}

	private static Output exec(final List<String> cmd, final long timeoutSeconds) throws IOException {
		final Process p = new ProcessBuilder(cmd).start();
		final ByteArrayOutputStream err = new ByteArrayOutputStream();
		final Thread drain = new Thread(() -> copy(p.getErrorStream(), err));
		drain.start();
		final Output o = new Output();
		o.stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				throw new IOException(String.join(" ", cmd) + " did not finish in " + timeoutSeconds + " s");
			}
			drain.join();
		}
		catch (final InterruptedException e) {
			p.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", e);
		}
		o.exit = p.exitValue();
		o.stderr = new String(err.toByteArray(), StandardCharsets.UTF_8);
		return o;
	}

	private static void copy(final InputStream in, final ByteArrayOutputStream out) {
		try {
			in.transferTo(out);
		}
		catch (final IOException e) {
			// the process ended; what was read so far is all there is
		}
	}
}
