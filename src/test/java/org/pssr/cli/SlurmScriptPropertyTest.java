package org.pssr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.pssr.crappify.io.Folders;
import org.pssr.crappify.io.ImageJTiffWriter;
import org.pssr.crappify.io.PixelFormat;
import org.pssr.crappify.synth.SyntheticFluorescenceMovie;

/**
 * Every option of {@code pssr slurm superres} and {@code pssr slurm train} given strings an
 * attacker would choose (line breaks, quotes, {@code $()}, backquotes, {@code ;}, {@code |},
 * {@code &}, globs, unicode, NUL), drawn from a fixed seed: each run either refuses in one line
 * with exit 2 and leaves the workspace as it was, or writes scripts that bash parses and that, run
 * by bash with stand-ins for pssr, sbatch and scontrol as the only commands on the PATH, start
 * pssr with exactly the arguments asked for and run nothing else (no other command is looked up,
 * no marker file appears).
 */
class SlurmScriptPropertyTest {

	private static final long SEED = 20260126L;
	private static final int DRAWS = 12;
	/** The pieces hostile strings are made of; MARKER is what an injection would create. */
	private static final String[] PIECES = { "\n", "\r\n", "'", "\"", "$(", ")", "`", ";", "|", "&",
		"&&", "$", "${HOME}", "}", "\\", " ", "\t", "#", "*", "?", "~", "<", ">", "!", "é", "日本",
		"\u0000", "\u2028", "%", "=", ",", ":", "-", "--", "a", "1", "0", "G", "touch MARKER",
		": > MARKER", "$(: > MARKER)", "`: > MARKER`", "$((1+1))", "\n: > MARKER\n", "'; : > MARKER; '",
		"\"; : > MARKER; \"" };

	private static Path root;
	private static Path model;
	private static Path movie;
	private static Path stubs;

	@BeforeAll
	static void fixtures() throws IOException, URISyntaxException {
		root = Files.createTempDirectory("pssr-slurm-property");
		model = Files.copy(Paths.get(SlurmScriptPropertyTest.class.getResource(
			"/org/pssr/train/legacy/format1-tiny.pssr.zip").toURI()), root.resolve("tiny.pssr.zip"));
		movie = root.resolve("movie.tif");
		ImageJTiffWriter.save(new SyntheticFluorescenceMovie(24, 16, 5, 1), movie, PixelFormat.UINT16);
		stubs = Files.createDirectory(root.resolve("stubs"));
		for (final String command : List.of("pssr", "sbatch", "scontrol"))
			stub(command);
	}

	/** A stand-in that records its arguments, NUL-separated, in $CALLS/COMMAND. */
	private static void stub(final String command) throws IOException {
		final Path file = Files.write(stubs.resolve(command), ("#!/bin/bash\nprintf '%s\\0' \"$@\" >> " +
			"\"$CALLS/" + command + "\"\n").getBytes(StandardCharsets.UTF_8));
		file.toFile().setExecutable(true);
	}

	@AfterAll
	static void removeFixtures() throws IOException {
		Folders.deleteTree(root);
	}

	/** Strings of one to five pieces, and values an option takes, all from one seed. */
	private static List<String> hostile(final Random random, final String... valid) {
		final List<String> values = new ArrayList<>(List.of(valid));
		for (int i = 0; i < DRAWS; i++) {
			final StringBuilder s = new StringBuilder();
			final int pieces = 1 + random.nextInt(5);
			for (int p = 0; p < pieces; p++)
				s.append(PIECES[random.nextInt(PIECES.length)]);
			values.add(random.nextBoolean() && valid.length > 0 ? valid[random.nextInt(valid.length)] + s
				: s.toString());
		}
		return values;
	}

	/** One case: an option, a value, and what the command line is with it. */
	private static final class Case {

		final String command;
		final String option;
		final String value;

		Case(final String command, final String option, final String value) {
			this.command = command;
			this.option = option;
			this.value = value;
		}

		@Override
		public String toString() {
			final StringBuilder s = new StringBuilder("slurm " + command + " " + option + " '");
			value.codePoints().forEach(ch -> s.append(Character.isISOControl(ch) ? String.format(
				"\\u%04x", ch) : new String(Character.toChars(ch))));
			return s.append('\'').toString();
		}
	}

	@TestFactory
	Stream<DynamicTest> everyOptionOfBothCommandsIsRefusedOrRunsOnlyWhatWasAskedFor() {
		final Random random = new Random(SEED);
		final Map<String, String[]> superres = new LinkedHashMap<>();
		superres.put("--model", new String[] { "m odel's $(x).pssr.zip", "日本.pssr.zip" });
		superres.put("--input", new String[] { "a b;c.tif", "$(x)`y`.tif", "é\"q\".tif" });
		superres.put("--output", new String[] { "out dir", "o'ut", "$(: > MARKER)" });
		superres.put("--scripts", new String[] { "s c$(x)", "`s`" });
		superres.put("--tile", new String[] { "32", "0" });
		superres.put("--bits", new String[] { "16" });
		superres.put("--chunk-frames", new String[] { "2", "2147483647" });
		superres.put("--device", new String[] { "cpu", "gpu;x", "$(: > MARKER)" });
		superres.put("--channel", new String[] { "1" });
		superres.put("--partition", new String[] { "gpu", "a.b_c-1,x" });
		superres.put("--account", new String[] { "lab-1" });
		superres.put("--time", new String[] { "1:00:00", "UNLIMITED", "2-00", "30" });
		superres.put("--mem", new String[] { "16G", "500" });
		superres.put("--cpus-per-task", new String[] { "2" });
		superres.put("--gpus-per-task", new String[] { "1" });
		superres.put("--sbatch", new String[] { "--qos=long", "--constraint=a100" });
		superres.put("--launcher", new String[] { "'a b' \"c\\\"d\" e\\ f", "-Dx=1 -cp 'j/*:k'" });
		final Map<String, String[]> train = new LinkedHashMap<>();
		train.put("--scripts", new String[] { "t s" });
		train.put("--time", new String[] { "12:00:00" });
		train.put("--mem", new String[] { "8G" });
		train.put("--partition", new String[] { "gpu" });
		train.put("--account", new String[] { "lab" });
		train.put("--sbatch", new String[] { "--qos=long" });
		train.put("--launcher", new String[] { "x 'y z'" });
		train.put("--cpus-per-task", new String[] { "8" });
		train.put("--gpus-per-task", new String[] { "0" });
		train.put("-- --data", new String[] { "twins $(x)", "d'q" });
		train.put("-- --output", new String[] { "m $(x).pssr.zip", "m`y`.pssr.zip" });
		train.put("-- --preset", new String[] { "pssr" });
		train.put("-- --recipe", new String[] { "poisson", "$(: > MARKER).json" });
		train.put("-- --device", new String[] { "gpu" });
		final List<Case> cases = new ArrayList<>();
		superres.forEach((option, valid) -> hostile(random, valid).forEach(v -> cases.add(new Case(
			"superres", option, v))));
		train.forEach((option, valid) -> hostile(random, valid).forEach(v -> cases.add(new Case("train",
			option, v))));
		final java.util.Set<String> ran = new java.util.TreeSet<>();
		final java.util.Set<String> every = new java.util.TreeSet<>();
		superres.keySet().forEach(o -> every.add("superres " + o));
		train.keySet().forEach(o -> every.add("train " + o));
		return Stream.concat(cases.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
			if (check(c)) ran.add(c.command + " " + c.option);
		})), Stream.of(DynamicTest.dynamicTest("values of every option were accepted, and the scripts ran",
			() -> assertEquals(every, ran))));
	}

	/** @return whether the scripts were written (and ran as asked) rather than refused */
	private static boolean check(final Case c) throws Exception {
		final Path ws = Files.createTempDirectory(root, "ws");
		try {
			final Path in = Files.copy(movie, ws.resolve("movie.tif"));
			final Path m = Files.copy(model, ws.resolve("tiny.pssr.zip"));
			final List<String> args = new ArrayList<>();
			final List<String> expected = new ArrayList<>();
			final Path out;
			final Path scripts;
			String value = c.value;
			if (c.command.equals("superres")) {
				final Map<String, String> o = new LinkedHashMap<>();
				o.put("--model", m.toString());
				o.put("--input", in.toString());
				o.put("--output", ws.resolve("out").toString());
				o.put("--launcher", stubs.resolve("pssr").toString());
				if (c.option.equals("--model")) value = named(m, c.value);
				if (c.option.equals("--input")) value = named(in, c.value);
				if (c.option.equals("--output") || c.option.equals("--scripts")) value = ws.resolve(c.value
					.replace("\u0000", "")).toString();
				if (c.option.equals("--launcher")) value = stubs.resolve("pssr") + " " + c.value;
				o.put(c.option, value);
				args.addAll(List.of("slurm", "superres"));
				o.forEach((k, v) -> args.addAll(List.of(k, v)));
				out = Path.of(o.get("--output"));
				scripts = o.containsKey("--scripts") ? Path.of(o.get("--scripts")) : out.resolve("slurm");
			}
			else {
				final Map<String, String> o = new LinkedHashMap<>();
				o.put("--launcher", stubs.resolve("pssr").toString());
				o.put("--scripts", ws.resolve("scripts").toString());
				final Map<String, String> t = new LinkedHashMap<>();
				t.put("--data", ws.resolve("twins").toString());
				t.put("--output", ws.resolve("m.pssr.zip").toString());
				if (c.option.equals("--scripts")) value = ws.resolve(c.value.replace("\u0000", ""))
					.toString();
				if (c.option.equals("-- --output") || c.option.equals("-- --data")) value = ws.resolve(c.value
					.replace("\u0000", "")).toString();
				if (c.option.equals("--launcher")) value = stubs.resolve("pssr") + " " + c.value;
				if (c.option.startsWith("-- ")) t.put(c.option.substring(3), value);
				else o.put(c.option, value);
				args.addAll(List.of("slurm", "train"));
				o.forEach((k, v) -> args.addAll(List.of(k, v)));
				args.add("--");
				expected.add("train");
				t.forEach((k, v) -> {
					args.addAll(List.of(k, v));
					expected.addAll(List.of(k, v));
				});
				out = ws.resolve("m.pssr.zip");
				scripts = Path.of(o.get("--scripts"));
			}
			final Map<String, String> before = Catalogue.snapshot(ws);
			final MainRunner pssr = new MainRunner();
			final int code = pssr.run(args.toArray(new String[0]));
			if (code != ExitCodes.OK) {
				assertEquals(ExitCodes.USAGE, code, c + ": " + pssr.err);
				assertTrue(pssr.err.startsWith("pssr: ") && pssr.err.endsWith("\n") && pssr.err.indexOf(
					'\n') == pssr.err.length() - 1, c + ": one line on stderr: " + pssr.err);
				assertEquals(before, Catalogue.snapshot(ws), c + ": the workspace changed");
				return false;
			}
			assertEquals("", pssr.err, c.toString());
			final List<String> launcher = c.option.equals("--launcher") ? bashWords(ws, c.value)
				: List.of();
			if (c.command.equals("superres")) {
				final Path array = scripts.toAbsolutePath().normalize().resolve("superres.sbatch");
				final Path join = scripts.toAbsolutePath().normalize().resolve("join.sbatch");
				final String[] a = args.toArray(new String[0]);
				final Function<String, String> given = name -> {
					final int i = Arrays.asList(a).lastIndexOf(name);
					return i < 0 ? null : a[i + 1];
				};
				final Path output = out.toAbsolutePath().normalize().resolve(baseName(Path.of(given.apply(
					"--input"))) + "_pssr.tif");
				final int asked = given.apply("--chunk-frames") == null ? 0 : asInt(given.apply(
					"--chunk-frames"));
				final int chunk = asked == 0 ? 5 : Math.min(5, asked);
				expected.addAll(launcher);
				expected.addAll(List.of("superres", "--model", Path.of(given.apply("--model"))
					.toAbsolutePath().normalize().toString(), "--input", Path.of(given.apply("--input"))
						.toAbsolutePath().normalize().toString(), "--output", output.toString(), "--frames", "1:" +
							chunk, "--tile", given.apply("--tile") == null ? "1024" : Integer.toString(asInt(given
								.apply("--tile"))), "--device", given.apply("--device") == null ? "auto" : given.apply(
									"--device"), "--channel", given.apply("--channel") == null ? "1" : Integer.toString(
										asInt(given.apply("--channel"))), "--bits", given.apply("--bits") == null ? "32"
											: Integer.toString(asInt(given.apply("--bits")))));
				assertScriptRunsOnly(ws, c, array, Map.of("SLURM_ARRAY_TASK_ID", "0"), expected);
				final List<String> joined = new ArrayList<>(launcher);
				joined.addAll(List.of("join", "--output", output.toString()));
				assertScriptRunsOnly(ws, c, join, Map.of(), joined);
			}
			else {
				final List<String> all = new ArrayList<>(launcher);
				all.addAll(expected);
				assertScriptRunsOnly(ws, c, scripts.toAbsolutePath().normalize().resolve("train.sbatch"), Map
					.of("SLURM_JOB_ID", "7"), all);
			}
			return true;
		}
		finally {
			Folders.deleteTree(ws);
		}
	}

	/** An int option's value as picocli reads it. */
	private static int asInt(final String value) {
		final IntOption o = new IntOption();
		new picocli.CommandLine(o).parseArgs("-x", value);
		return o.x;
	}

	static final class IntOption {

		@picocli.CommandLine.Option(names = "-x")
		int x;
	}

	/** {@code file} copied to a name made of {@code name}, when the file system takes it. */
	private static String named(final Path file, final String name) {
		try {
			if (name.contains("/") || name.isEmpty()) return name;
			return Files.copy(file, file.resolveSibling(name)).toString();
		}
		catch (final IOException | InvalidPathException e) {
			return file.resolveSibling("missing").toString() + name;
		}
	}

	private static String baseName(final Path file) {
		final String name = file.getFileName().toString();
		final int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}

	/**
	 * Runs {@code script} with bash in {@code ws}, the stand-ins as the only commands, and checks
	 * that pssr was started once with {@code expected} and that nothing else ran.
	 */
	private static void assertScriptRunsOnly(final Path ws, final Case c, final Path script,
		final Map<String, String> env, final List<String> expected) throws Exception
	{
		assertEquals(0, bash(ws, Map.of(), "-n", script.toString()), c + ": bash -n " + script);
		final Path calls = Files.createDirectories(ws.resolve("calls"));
		final int status = bash(ws, env, script.toString());
		assertEquals(0, status, c + ": " + script + " exited with " + status + ":\n" + read(ws.resolve(
			"bash.log")));
		assertFalse(Files.exists(ws.resolve("MARKER")), c + ": an injected command ran");
		assertFalse(Files.exists(ws.resolve("NOTFOUND")), c + ": the script looked for a command: " +
			read(ws.resolve("NOTFOUND")));
		assertEquals(List.of("pssr"), list(calls), c + ": only pssr is started");
		final String[] got = read(calls.resolve("pssr")).split("\u0000", -1);
		assertEquals(expected, Arrays.asList(got).subList(0, got.length - 1), c + ": pssr's arguments");
		Folders.deleteTree(calls);
	}

	/** How bash splits {@code command} into words, run where nothing else can run. */
	private static List<String> bashWords(final Path ws, final String command) throws Exception {
		final Path script = Files.write(ws.resolve("words.sh"), ("printf '%s\\0' " + command + " > " +
			ws.resolve("words")).getBytes(StandardCharsets.UTF_8));
		assertEquals(0, bash(ws, Map.of(), script.toString()), "bash could not split " + command);
		assertFalse(Files.exists(ws.resolve("MARKER")));
		final String[] words = read(ws.resolve("words")).split("\u0000", -1);
		Files.delete(script);
		Files.delete(ws.resolve("words"));
		return Arrays.asList(words).subList(0, words.length - 1);
	}

	private static int bash(final Path ws, final Map<String, String> env, final String... args)
		throws Exception
	{
		final List<String> command = new ArrayList<>(List.of("/bin/bash"));
		command.addAll(List.of(args));
		final ProcessBuilder pb = new ProcessBuilder(command).directory(ws.toFile())
			.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(ws.resolve(
				"bash.log").toFile()));
		pb.environment().clear();
		pb.environment().put("PATH", stubs.toString());
		pb.environment().put("CALLS", ws.resolve("calls").toString());
		// bash calls this for a command it cannot find: any such lookup is recorded
		pb.environment().put("BASH_FUNC_command_not_found_handle%%", "() { printf '%s\\n' \"$1\" >> " +
			ws.resolve("NOTFOUND") + "; return 127; }");
		pb.environment().putAll(env);
		final Process p = pb.start();
		assertTrue(p.waitFor(1, TimeUnit.MINUTES), String.join(" ", command));
		return p.exitValue();
	}

	private static List<String> list(final Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}

	private static String read(final Path file) throws IOException {
		return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
	}
}
