package org.pssr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.crappify.io.ImageJTiffWriter;
import org.pssr.crappify.io.PixelFormat;
import org.pssr.crappify.synth.SyntheticFluorescenceMovie;
import org.pssr.testing.CliProcess;

/**
 * The {@code pssr} process as a shell runs it, in the folder of its files named without a folder
 * (bare names once crashed): standard error holds nothing on success and one line on a refusal,
 * even though PyTorch writes its warnings to file descriptor 2 from C++; {@code --debug} lets them
 * through.
 */
class NativeStderrTest {

	@TempDir
	Path dir;

	private int pssr(final String stem, final String... args) throws IOException, InterruptedException {
		final List<String> command = CliProcess.launcher();
		command.addAll(List.of(args));
		final Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectError(dir.resolve(
			stem + ".err").toFile()).redirectOutput(dir.resolve(stem + ".out").toFile()).start();
		assertTrue(p.waitFor(3, TimeUnit.MINUTES), String.join(" ", args));
		return p.exitValue();
	}

	private String read(final String name) throws IOException {
		return new String(Files.readAllBytes(dir.resolve(name)), StandardCharsets.UTF_8);
	}

	@Test
	void nativeWarningsStayOffStandardErrorUnlessDebugAndBareFileNamesWork() throws Exception {
		Files.copy(Paths.get(NativeStderrTest.class.getResource(
			"/org/pssr/train/legacy/format1-tiny.pssr.zip").toURI()), dir.resolve("m.pssr.zip"));
		ImageJTiffWriter.save(new SyntheticFluorescenceMovie(32, 32, 4, 1), dir.resolve("s.tif"),
			PixelFormat.UINT16);

		assertEquals(ExitCodes.OK, pssr("run", "superres", "--model", "m.pssr.zip", "--input", "s.tif",
			"--output", "o.tif", "--device", "cpu"), read("run.err") + read("run.out"));
		assertEquals("", read("run.err"), "nothing on stderr when all is well");
		assertTrue(read("run.out").contains("Wrote o.tif") && Files.isRegularFile(dir.resolve("o.tif")),
			read("run.out"));

		assertEquals(ExitCodes.USAGE, pssr("again", "superres", "--model", "m.pssr.zip", "--input",
			"s.tif", "--output", "o.tif", "--device", "cpu"));
		assertEquals("pssr: --output: o.tif is a TIFF pssr wrote before; add --overwrite to replace it\n",
			read("again.err"), "one line, after PyTorch was loaded");

		assertEquals(ExitCodes.OK, pssr("debug", "--debug", "superres", "--model", "m.pssr.zip",
			"--input", "s.tif", "--output", "o2.tif", "--device", "cpu"), read("debug.err"));
		assertTrue(read("debug.err").lines().anyMatch(l -> l.startsWith("[W ")),
			"--debug shows what the native libraries print: " + read("debug.err"));
	}

	@Test
	void onlyTheKnownNativeWarningsAreHidden() {
		assertTrue(NativeStderr.noise("[W LegacyTypeDispatch.h:74] Warning: AutoNonVariableTypeMode is " +
			"deprecated"));
		assertTrue(NativeStderr.noise("Could not initialize NNPACK! Reason: Unsupported hardware."));
		for (final String error : new String[] { "[E thread_pool.cpp:109] Exception in thread pool",
			"terminate called after throwing an instance of 'c10::Error'", "Segmentation fault",
			"#  SIGSEGV (0xb) at pc=0x00007f" })
			assertTrue(!NativeStderr.noise(error), error + " must show");
	}
}
