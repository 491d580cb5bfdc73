package org.pssr.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.pssr.app.FrameRange;
import org.pssr.crappify.io.Folders;
import org.pssr.crappify.io.TiffStackReader;

/**
 * A long movie super-resolved the way a cluster array job does it, on one machine: N
 * {@code pssr superres --frames} processes at once (one PyTorch thread each, N = the bench's thread
 * count) and then {@code pssr join}, against one {@code pssr superres} process on N threads.
 * Reports the throughput of both, and the peak RSS of one chunk's process against the whole movie's
 * (streaming: about equal, however long the movie). Every process is a fresh JVM running the real
 * command line, start-up included, as on a cluster.
 */
final class ChunkedSuperResolveWorkload implements Workload {

	private static final String PRESET = "fast";
	private static final String CLI = "org.pssr.cli.Main";

	@Override
	public String name() {
		return "superres-chunks";
	}

	@Override
	public List<Measurement> run(final BenchContext context) throws Exception {
		final int side = context.quick() ? 16 : 64;
		final int frames = context.quick() ? 12 : 1000;
		final int n = Math.max(2, context.threads());
		final Path dir = Files.createTempDirectory("pssr-bench-chunks");
		try {
			final Path model = BenchMovie.model(dir, PRESET);
			final Path movie = BenchMovie.movie(dir, side, frames);
			// without --tile, a frame this small is one tile
			final List<String> jvm = ChildJvm.superres(side, side);

			long t0 = System.nanoTime();
			final double wholeRss = ChildJvm.peakRssMb(jvm, n, CLI, superres(model, movie, dir.resolve(
				"whole.tif")));
			final double wholeSeconds = (System.nanoTime() - t0) / 1e9;

			final Path joined = dir.resolve("joined.tif");
			final List<FrameRange> chunks = FrameRange.chunks(frames, (frames + n - 1) / n);
			t0 = System.nanoTime();
			final List<ChildJvm> running = new ArrayList<>();
			for (final FrameRange r : chunks)
				running.add(ChildJvm.start(jvm, 1, CLI, superres(model, movie, joined, "--frames", r
					.toString())));
			double chunkRss = 0;
			for (final ChildJvm c : running)
				chunkRss = Math.max(chunkRss, c.peakRssMb());
			ChildJvm.peakRssMb(List.of(), 1, CLI, "join", "--output", joined.toString());
			final double chunkedSeconds = (System.nanoTime() - t0) / 1e9;
			try (TiffStackReader a = new TiffStackReader(joined);
				TiffStackReader b = new TiffStackReader(dir.resolve("whole.tif")))
			{
				if (a.planes() != b.planes() || a.width() != b.width() || a.height() != b.height())
					throw new IllegalStateException("the joined movie is not the size of the whole one");
			}

			final String how = String.format(Locale.ROOT, "preset %s, %dx%d -> %dx%d, %d frames; fresh " +
				"JVMs (%s) through the CLI, start-up included; against one process of ours (the reference super-resolves a whole movie in the superres movie rows)",
				PRESET, side, side, side * TrainingSteps.SCALE, side * TrainingSteps.SCALE, frames, String.join(
					" ", jvm));
			final double one = frames / wholeSeconds;
			final double many = frames / chunkedSeconds;
			return Arrays.asList(
				new Measurement("superres chunks: 1 process, " + n + " threads", "frames/s", one, Double.NaN,
					true, how),
				new Measurement("superres chunks: " + chunks.size() + " processes at once (1 thread each) " +
					"+ join", "frames/s", many, Double.NaN, true, how),
				new Measurement("superres chunks: throughput, chunks vs 1 process", "x", many / one,
					Double.NaN, true, "above 1: the chunks in parallel are faster"),
				new Measurement("superres chunks: peak RSS, whole " + frames + "-frame movie", "MB", wholeRss,
					Double.NaN, false, how),
				new Measurement("superres chunks: peak RSS, one chunk of " + chunks.get(0).length() +
					" frames", "MB", chunkRss, Double.NaN, false, "the largest of the " + chunks.size() +
						" chunk processes"),
				new Measurement("superres chunks: peak RSS, chunk vs whole movie", "x", chunkRss / wholeRss,
					Double.NaN, false, "1.0 = the same (streaming)"));
		}
		finally {
			Folders.deleteTree(dir);
		}
	}

	private static String[] superres(final Path model, final Path movie, final Path output,
		final String... more)
	{
		final List<String> all = new ArrayList<>(Arrays.asList("superres", "--model", model.toString(),
			"--input", movie.toString(), "--output", output.toString(), "--device", "cpu"));
		all.addAll(Arrays.asList(more));
		return all.toArray(new String[0]);
	}
}
