package org.pssr.cli;

import static org.pssr.testing.SameMovie.assertSameMovie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.google.gson.JsonObject;

import ai.djl.Device;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.crappify.Normalisation;
import org.pssr.crappify.io.ImageJTiffWriter;
import org.pssr.crappify.io.PixelFormat;
import org.pssr.crappify.synth.SyntheticFluorescenceMovie;
import org.pssr.train.ModelBundle;
import org.pssr.train.UNet;
import org.pssr.train.UNetConfig;

/** {@code pssr superres --frames} and {@code pssr join} with a real model, as array tasks run them. */
class PartsCommandTest {

	@TempDir
	Path dir;

	private Path model;
	private Path movie;
	private final MainRunner cli = new MainRunner();

	@BeforeEach
	void modelAndMovie() throws IOException {
		model = dir.resolve("small.pssr.zip");
		try (UNet net = new UNet(UNetConfig.preset("small", 3, 2), Device.cpu(), 5)) {
			ModelBundle.save(model, net, Normalisation.PSSR, Optional.empty(), "test", new JsonObject());
		}
		movie = dir.resolve("movie.tif");
		ImageJTiffWriter.save(new SyntheticFluorescenceMovie(40, 32, 7, 3), movie, PixelFormat.UINT16);
	}

	private String[] superres(final Path output, final String... more) {
		final String[] base = { "superres", "--model", model.toString(), "--input", movie.toString(),
			"--output", output.toString(), "--device", "cpu", "--tile", "32" };
		final String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
		System.arraycopy(more, 0, all, base.length, more.length);
		return all;
	}

	@Test
	void threePartsJoinToTheBytesOfOneRun() throws IOException {
		final Path whole = dir.resolve("whole.tif");
		assertEquals(0, cli.run(superres(whole)), cli.err);
		final Path joined = dir.resolve("joined.tif");
		for (final String range : new String[] { "4:7", "1:1", "2:3" }) {
			assertEquals(0, cli.run(superres(joined, "--frames", range)), cli.err);
			assertTrue(cli.result().startsWith("Wrote frames " + range), cli.out);
		}
		assertEquals(0, cli.run(superres(joined, "--frames", "2:3")), cli.err);
		assertTrue(cli.result().startsWith("Already done: frames 2:3"), cli.out);
		assertTrue(cli.out.startsWith("not under SLURM: "), "first log line: the resources: " + cli.out);
		assertEquals("", cli.err, "standard error holds only a refusal or a failure");
		assertFalse(Files.exists(joined), "parts only");
		assertEquals(0, cli.run("join", "--output", joined.toString()), cli.err);
		assertEquals("Wrote " + joined + " from 3 parts", cli.result());
		assertSameMovie(whole, joined);
	}

	@Test
	void badRangesAndBadPartsAreOneLineUsageErrorsThatWriteAndDeleteNothing() throws IOException {
		final Path out = dir.resolve("out.tif");
		assertEquals(ExitCodes.USAGE, cli.run(superres(out, "--frames", "5:9")));
		assertEquals("pssr: frames 5:9 are outside the movie, which has 7 frames (1:7)\n", cli.err);
		assertFalse(Files.exists(dir.resolve("out.parts")));
		assertEquals(ExitCodes.USAGE, cli.run(superres(out, "--frames", "first:last")));
		assertTrue(cli.err.startsWith("pssr: frames 'first:last' is not a range"), cli.err);
		assertEquals(ExitCodes.USAGE, cli.run("superres", "--model", model.toString(), "--input", dir
			.toString(), "--output", dir.resolve("o").toString(), "--frames", "1:2"));
		assertEquals("pssr: --frames takes one movie, not a folder", cli.err.trim());

		assertEquals(0, cli.run(superres(out, "--frames", "1:4")), cli.err);
		assertEquals(0, cli.run(superres(out, "--frames", "3:7")), cli.err);
		final long before = count(dir.resolve("out.parts"));
		assertEquals(ExitCodes.USAGE, cli.run("join", "--output", out.toString(), "--delete-parts"));
		assertTrue(cli.err.contains("pssr: parts 1:4 and 3:7 in ") && cli.err.contains("overlap"),
			cli.err);
		assertEquals(1, cli.err.split("\n").length, "one line: " + cli.err);
		assertFalse(Files.exists(out));
		assertEquals(before, count(dir.resolve("out.parts")), "nothing deleted");
	}

	private static long count(final Path folder) throws IOException {
		try (java.util.stream.Stream<Path> s = Files.list(folder)) {
			return s.count();
		}
	}
}
