package org.pssr.fiji.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.pssr.crappify.io.Archives;
import org.pssr.crappify.io.Folders;

/**
 * A Fiji for the integration suite: ImageJ2 with the legacy layer, Bio-Formats and CSBDeep's
 * TensorFlow 1.15 (the jars of this test JVM's class path that the build did not make), with
 * pssr installed as a user installs it, by unpacking the update-site zip into {@code Fiji.app}. Each
 * {@link #run} starts a fresh JVM on it, as Fiji's launcher would.
 */
final class FijiInstall {

	/**
	 * Class path entries that are not part of a Fiji: pssr's libraries (the update site brings them)
	 * and test tooling. This build's own outputs are left out by {@link #fijiJars}.
	 */
	private static final List<String> NOT_FIJI = List.of("/org/junit/", "/org/opentest4j/",
		"/org/apiguardian/", "/com/tngtech/", "/com/code-intelligence/", "/ai/djl/", "/io/airlift/",
		"/org/apache/commons/commons-rng");

	private static FijiInstall instance;

	final Path app;
	private final List<Path> classPath;

	private FijiInstall(final Path app, final List<Path> classPath) {
		this.app = app;
		this.classPath = classPath;
	}

	/** Unpacks the update site into a fresh {@code Fiji.app}, once per test JVM. */
	static synchronized FijiInstall get() throws IOException {
		if (instance != null) return instance;
		final Path site = Paths.get(System.getProperty("pssr.updateSite"));
		final Path zip = site.resolveSibling(site.getFileName() + ".zip");
		if (!Files.isRegularFile(zip)) throw new IllegalStateException("no update site at " + zip +
			": run with -Pfiji,imagej2");
		final Path app = Paths.get("target", "fiji-it", "Fiji.app").toAbsolutePath();
		Folders.deleteTree(app);
		Files.createDirectories(app);
		Archives.extract(zip, app);
		final List<Path> classPath = new ArrayList<>(fijiJars());
		classPath.addAll(jars(app.resolve("jars")));
		classPath.add(Paths.get("target", "test-classes").toAbsolutePath());
		instance = new FijiInstall(app, classPath);
		return instance;
	}

	/** The Fiji jars of this JVM's class path: everything but the build's own and test tooling. */
	private static List<Path> fijiJars() {
		final String path = System.getProperty("surefire.test.class.path", System.getProperty(
			"java.class.path"));
		final Path build = Paths.get("target").toAbsolutePath();
		return Arrays.stream(path.split(File.pathSeparator)).map(Paths::get).filter(e -> !e
			.toAbsolutePath().startsWith(build) && NOT_FIJI.stream().noneMatch(e.toString().replace('\\',
				'/')::contains)).collect(Collectors.toList());
	}

	private static List<Path> jars(final Path folder) throws IOException {
		try (Stream<Path> walk = Files.walk(folder)) {
			return walk.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
		}
	}

	/** The Fiji jars only: what a Fiji without pssr would have. */
	List<Path> fijiClassPath() {
		return fijiJars();
	}

	/** Everything a Fiji with pssr installed puts on its class path. */
	List<Path> classPath() {
		return classPath;
	}

	/** What a Fiji JVM printed, and how the harness ended. */
	static final class Result {

		final int exit;
		final String output;

		Result(final int exit, final String output) {
			this.exit = exit;
			this.output = output;
		}

		/**
		 * Whether SciJava failed a module in its preprocessing, before the command ran: its "Context
		 * already injected" race, or a null value its SaveInputsPreprocessor passed to Java's
		 * preferences (seen once in CI, 2026-12-02, not reproduced on a rerun).
		 */
		boolean failedBeforeAnyCommandRan() {
			return !result().equals("ok") && output.contains("org.scijava.module.ModuleRunner.preProcess") &&
				(output.contains("Context already injected") || output.contains(
					"org.scijava.module.process.SaveInputsPreprocessor.process"));
		}

		/** {@code ok}, {@code aborted ...} or {@code failed ...}. The last one, after a repeated run. */
		String result() {
			final int i = output.lastIndexOf("HARNESS-RESULT: ");
			return i < 0 ? "no result (crashed?)" : output.substring(i + 16).trim();
		}


		@Override
		public String toString() {
			return "exit " + exit + ", " + result() + "\n" + output;
		}
	}

	/** Starts a headless Fiji JVM running {@link FijiHarness} with {@code args} and waits for it. */
	Result run(final long timeoutSeconds, final String... args) throws IOException,
		InterruptedException
	{
		return run(timeoutSeconds, false, List.of(), args);
	}

	/**
	 * @param display whether the JVM gets a (virtual, Xvfb) display instead of running headless
	 * @param properties more {@code -Dname=value} options for the JVM
	 */
	Result run(final long timeoutSeconds, final boolean display, final List<String> properties,
		final String... args) throws IOException, InterruptedException
	{
		final Result first = runOnce(timeoutSeconds, display, properties, args);
		if (!first.failedBeforeAnyCommandRan()) return first;
		// SciJava's module runner, whose annotated-field cache is not thread safe (scijava-common#148,
		// #347), now and then fails a module while preprocessing it, before its first line: seen about
		// once in five suite runs. Nothing has run, so the run is repeated once, and says so.
		final Result second = runOnce(timeoutSeconds, display, properties, args);
		return new Result(second.exit, "HARNESS: SciJava failed a module before it started; ran it " +
			"again. The first run:\n" + first.output + "\nHARNESS: the second run:\n" + second.output);
	}

	private Result runOnce(final long timeoutSeconds, final boolean display,
		final List<String> properties, final String... args) throws IOException, InterruptedException
	{
		final List<String> command = new ArrayList<>();
		if (display) command.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x1024x24"));
		command.addAll(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
			"-Xmx4g", display ? "-Dpssr.it.display=true" : "-Djava.awt.headless=true",
			"--add-opens=java.base/java.lang=ALL-UNNAMED", "-Dij.dir=" + app, "-Dimagej.dir=" + app));
		command.addAll(properties);
		command.addAll(List.of("-cp", classPath.stream().map(Path::toString).collect(Collectors
			.joining(File.pathSeparator)), FijiHarness.class.getName()));
		command.addAll(List.of(args));
		final Path log = Files.createTempFile("fiji-it", ".log");
		final Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log
			.toFile()).directory(app.toFile()).start();
		if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			// xvfb-run leaves its X server and the JVM behind when only it is killed
			p.descendants().forEach(ProcessHandle::destroyForcibly);
			p.destroyForcibly();
			throw new IllegalStateException("Fiji did not finish in " + timeoutSeconds + " s:\n" +
				new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
		}
		final String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
		Files.delete(log);
		return new Result(p.exitValue(), output);
	}

	/** Names of the jars {@link #get} installed from the update site. */
	Set<String> installedJarNames() throws IOException {
		return jars(app.resolve("jars")).stream().map(p -> p.getFileName().toString()).collect(
			Collectors.toSet());
	}
}
