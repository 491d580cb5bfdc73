package org.pssr.cli;

import static org.pssr.testing.SameDatasetFile.assertSameFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.StackConverter;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.crappify.TwinDataset;
import org.pssr.testing.MovieSuite;
import org.pssr.testing.TestMovie;

/** On a synthetic stand-in; {@link CrappifyCommandRealDataTest} runs the same on the real movie. */
class CrappifyCommandTest extends MovieSuite {

	private Path movie;
	private ImagePlus imp;

	@TempDir
	Path dir;

	@BeforeEach
	void open() {
		movie = movie(TestMovie.NUCLEI);
		imp = IJ.openImage(movie.toString());
	}

	private static String[] args(final Path input, final Path output, final String... more) {
		final List<String> a = new java.util.ArrayList<>(List.of("crappify", "--input", input
			.toString(), "--output", output.toString(), "--tile", "64", "--samples", "12", "--threads",
			"2"));
		a.addAll(List.of(more));
		return a.toArray(new String[0]);
	}

	@Test
	void writesADatasetTheTrainingCodeCanOpen() throws IOException {
		final Path out = dir.resolve("ds");
		assertEquals(ExitCodes.OK, Main.run(args(movie, out, "--recipe", "poisson", "--scale", "2",
			"--frames", "5", "--param", "photons=20", "--seed", "4")));
		try (TwinDataset ds = TwinDataset.open(out)) {
			assertEquals(11, ds.train().size());
			assertEquals(1, ds.valid().size());
			assertEquals(2, ds.scale());
			assertEquals(5, ds.frames());
			assertEquals(20.0, ds.degradation().parameters().get("photons"));
			assertEquals(32 * 32 * 5, ds.train().get(0, 3).x1().length);
		}
		// the movie is a virtual stack read from several threads: still the same bytes
		final Path single = dir.resolve("single-thread");
		final String[] oneThread = args(movie, single, "--recipe", "poisson", "--scale", "2",
			"--frames", "5", "--param", "photons=20", "--seed", "4");
		oneThread[Arrays.asList(oneThread).indexOf("--threads") + 1] = "1";
		assertEquals(ExitCodes.OK, Main.run(oneThread));
		for (final String f : new String[] { "manifest.json", "train/lr1.tif", "train/lr2.tif",
			"train/targets.tif", "valid/lr2.tif" })
		{
			assertSameFile(out.resolve(f), single.resolve(f));
		}
	}

	@Test
	void badInputGivesOneClearLineAndWritesNothing() throws IOException {
		final ImagePlus single = new ImagePlus("single", imp.getStack().getProcessor(1));
		expectRefusal(save(single, "single.tif"), "1 frame");

		final ImageStack tiny = new ImageStack(2, 2);
		for (int t = 1; t <= imp.getStackSize(); t++) {
			final ij.process.ImageProcessor ip = imp.getStack().getProcessor(t);
			ip.setRoi(10, 10, 2, 2);
			tiny.addSlice(ip.crop());
		}
		expectRefusal(save(timeSeries(new ImagePlus("tiny", tiny)), "tiny.tif"), "smaller than the 64 px tile");

		final ImagePlus rgb = timeSeries(imp.duplicate());
		new StackConverter(rgb).convertToRGB();
		expectRefusal(save(rgb, "rgb.tif"), "RGB");

		final ImagePlus nan = timeSeries(imp.duplicate());
		new StackConverter(nan).convertToGray32();
		nan.getStack().getProcessor(4).putPixelValue(10, 10, Float.NaN);
		expectRefusal(save(nan, "nan.tif"), "NaN");

		final ImagePlus zStack = imp.duplicate();
		zStack.setDimensions(1, zStack.getStackSize(), 1);
		final Path z = save(zStack, "z.tif");
		expectRefusal(z, "--z-as-time");
		assertEquals(ExitCodes.OK, Main.run(args(z, dir.resolve("z-ok"), "--z-as-time")));

		final Path taken = Files.createDirectories(dir.resolve("taken"));
		Files.write(taken.resolve("notes.txt"), new byte[] { 'x' });
		assertEquals("pssr: --output: " + taken + " exists and is not a twin dataset pssr wrote; pssr " +
			"never replaces a file it did not make: choose another name or move it away", run(args(movie,
				taken)));
		assertEquals(List.of("notes.txt"), list(taken));
	}

	private void expectRefusal(final Path input, final String expected) throws IOException {
		final Path out = dir.resolve("out-" + input.getFileName());
		final String err = run(args(input, out));
		assertTrue(err.startsWith("pssr: ") && err.contains(expected), err);
		assertFalse(err.contains("\n"), "more than one line: " + err);
		assertFalse(Files.exists(out), "output written for " + input);
		assertTrue(list(dir).stream().noneMatch(n -> n.startsWith(".")), "temporary files left");
	}

	/** Runs the CLI, expects the bad-input exit code and returns stderr. */
	private static String run(final String... args) {
		return CliRun.stderr(ExitCodes.USAGE, args).trim();
	}

	private static ImagePlus timeSeries(final ImagePlus image) {
		image.setDimensions(1, 1, image.getStackSize());
		return image;
	}

	private Path save(final ImagePlus image, final String name) {
		final Path p = dir.resolve(name);
		assertTrue(IJ.saveAsTiff(image, p.toString()));
		return p;
	}

	private static List<String> list(final Path folder) throws IOException {
		try (Stream<Path> s = Files.list(folder)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}
}
