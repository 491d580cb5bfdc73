package org.pssr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import ai.djl.Device;

import com.google.gson.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.crappify.Normalisation;
import org.pssr.crappify.io.ImageJTiffWriter;
import org.pssr.crappify.io.PixelFormat;
import org.pssr.crappify.synth.SyntheticFluorescenceMovie;
import org.pssr.testing.CliProcess;
import org.pssr.train.ModelBundle;
import org.pssr.train.UNet;
import org.pssr.train.UNetConfig;

/**
 * The JVM of a super-resolution task: the options file the pssr script and the Java side share,
 * and a heap sized by {@link JvmOptions#superresHeapBytes} that is enough for the job it was sized
 * for, while a heap far below it is warned about at the start. No time is measured.
 */
class JvmOptionsTest {

	@TempDir
	Path dir;

	@Test
	void theOptionsAreOnePerLineWithoutCommentsAndChooseACollectorThatGivesMemoryBack() {
		final List<String> options = JvmOptions.superres();
		assertFalse(options.isEmpty());
		for (final String option : options)
			assertTrue(option.startsWith("-X") && !option.contains(" "), option);
		assertTrue(options.contains("-XX:+UseSerialGC"), options.toString());
	}

	@Test
	void thePssrScriptReadsTheSameFile() throws IOException {
		final String script = new String(Files.readAllBytes(Path.of("pssr")), StandardCharsets.UTF_8);
		final String file = "src/main/resources/org/pssr/app/" + JvmOptions.SUPERRES_OPTIONS;
		assertTrue(script.contains(file), "the pssr script should read " + file);
		assertTrue(Files.isRegularFile(Path.of(file)), file);
	}

	@Test
	void theHeapGrowsWithTheFramesAndTheScale() {
		final long small = JvmOptions.superresHeapBytes(128, 128, 4, 3, 64);
		assertTrue(JvmOptions.superresHeapBytes(1024, 1024, 4, 3, 64) > small + 2 * 1024L * 1024 * 16 *
			4, "two HR frames at least");
		assertTrue(JvmOptions.superresHeapBytes(128, 128, 8, 3, 64) > small);
		assertTrue(JvmOptions.superresHeapBytes(128, 128, 4, 5, 64) > small);
		assertEquals("-Xmx" + (small >> 20) + "m", JvmOptions.superresMaxHeap(128, 128, 4, 3, 64));
	}

	@Test
	void aJobRunsInTheHeapSizedForItAndIsWarnedInOneFarSmaller() throws Exception {
		final int side = 384;
		final Path model = dir.resolve("fast.pssr.zip");
		try (UNet net = new UNet(UNetConfig.preset("fast", 3, 4), Device.cpu(), 1)) {
			ModelBundle.save(model, net, Normalisation.PSSR, Optional.empty(), "test", new JsonObject());
		}
		final Path movie = dir.resolve("movie.tif");
		ImageJTiffWriter.save(new SyntheticFluorescenceMovie(side, side, 3, 5), movie, PixelFormat.UINT16);
		final String sized = JvmOptions.superresMaxHeap(side, side, 4, 3, 128);
		final Run fits = superres(sized, model, movie, dir.resolve("sized.tif"));
		assertEquals(0, fits.exit, fits.log);
		assertFalse(fits.log.contains("Java heap"), fits.log);
		final Run tight = superres("-Xmx40m", model, movie, dir.resolve("tight.tif"));
		assertTrue(tight.log.contains("needs about " + (JvmOptions.superresHeapBytes(side, side, 4, 3,
			128) >> 20) + " MB of Java heap, and Java may use"), tight.log);
	}

	private static final class Run {

		int exit;
		String log;
	}

	private Run superres(final String maxHeap, final Path model, final Path movie, final Path out)
		throws IOException, InterruptedException
	{
		final List<String> command = new ArrayList<>(List.of(CliProcess.java()));
		command.addAll(JvmOptions.superres());
		command.addAll(List.of(maxHeap, "-Djava.awt.headless=true", "-Dai.djl.offline=true",
			"-Dai.djl.pytorch.num_threads=1", "-cp", CliProcess.classPath(), "org.pssr.cli.Main",
			"superres", "--model", model.toString(), "--input", movie.toString(), "--output", out
				.toString(), "--tile", "128", "--device", "cpu"));
		final Path log = dir.resolve(out.getFileName() + ".log");
		final Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log
			.toFile()).start();
		if (!p.waitFor(600, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new AssertionError("pssr superres with " + maxHeap + " did not end in 10 minutes");
		}
		final Run run = new Run();
		run.exit = p.exitValue();
		run.log = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
		return run;
	}
}
