package org.pssr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pssr.czi.CziFeatureFiles;
import org.pssr.testing.CliProcess;

/**
 * The hostile catalogue of the system properties a user may give java (PSSR_JAVA_OPTS, Fiji's
 * ImageJ.cfg): each bad value makes a CZI command exit 2 with one stderr line naming the property,
 * and write nothing. Each case is a JVM of its own: the values are read when a file is opened.
 */
class SystemPropertyBadInputTest {

	static Stream<Arguments> cases() {
		return Stream.of(Arguments.of("-Dpssr.zstd=native", "-Dpssr.zstd=native"),
			Arguments.of("-Dpssr.zstd=", "-Dpssr.zstd="),
			Arguments.of("-Dpssr.czi.readahead=-1", "-Dpssr.czi.readahead=-1"),
			Arguments.of("-Dpssr.czi.readahead=lots", "-Dpssr.czi.readahead=lots"),
			Arguments.of("-Dpssr.czi.readahead=99999999999", "-Dpssr.czi.readahead=99999999999"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void aBadValueIsOneLineExitTwoAndNothingWritten(final String property, final String named,
		@TempDir final Path dir) throws IOException, InterruptedException
	{
		final Path czi = CziFeatureFiles.timeLapseZstd1HiLo(dir).file();
		final List<String> before = files(dir);
		for (final String[] command : new String[][] { { "info", czi.toString() }, { "convert", czi
			.toString(), dir.resolve("out.tif").toString() } })
		{
			final List<String> cmd = new ArrayList<>(List.of(CliProcess.java(), property,
				"-Djava.awt.headless=true", "-cp", CliProcess.classPath(), "org.pssr.cli.Main"));
			cmd.addAll(List.of(command));
			final Path err = dir.resolve("err.log");
			final Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(
				ProcessBuilder.Redirect.DISCARD).start();
			assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pssr " + command[0] + " did not end");
			final List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
			Files.delete(err);
			assertEquals(2, p.exitValue(), command[0] + ": " + lines);
			assertEquals(1, lines.size(), command[0] + ": " + lines);
			assertTrue(lines.get(0).startsWith("pssr: " + named + " "), lines.get(0));
			assertFalse(lines.get(0).contains("Exception"), lines.get(0));
			assertEquals(before, files(dir), command[0] + " wrote or left something");
		}
	}

	private static List<String> files(final Path dir) throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			return s.map(p -> dir.relativize(p).toString()).sorted().collect(
				java.util.stream.Collectors.toList());
		}
	}
}
