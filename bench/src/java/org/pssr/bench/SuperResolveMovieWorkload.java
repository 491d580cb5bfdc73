package org.pssr.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.pssr.crappify.io.Folders;
import org.pssr.crappify.io.TiffStackReader;

/**
 * "Super-resolve this movie" end to end, against the reference doing the same (its
 * {@code superres} mode: sampled percentiles, mirrored sliding window, the same tiles and blend,
 * frames appended to a float TIFF as they come): the real {@code pssr superres} in a fresh JVM and
 * the Python script in a fresh interpreter, each timed from outside, start-up included, as a user
 * runs them; rounds in alternation. Output megapixels per second and each side's peak RSS.
 */
final class SuperResolveMovieWorkload implements Workload {

	private final String preset;
	private final int frames;

	/** @param frames of the full-size movie: fewer for a slower preset keep the rounds short */
	SuperResolveMovieWorkload(final String preset, final int frames) {
		this.preset = preset;
		this.frames = frames;
	}

	@Override
	public String name() {
		return "superres-movie-" + preset;
	}

	@Override
	public List<Measurement> run(final BenchContext context) throws Exception {
		final int side = context.quick() ? 32 : 128;
		final int frames = context.quick() ? 4 : this.frames;
		final int tile = context.quick() ? 32 : 64;
		final int rounds = context.quick() ? 1 : 3;
		final int scale = TrainingSteps.SCALE;
		final Path dir = Files.createTempDirectory("pssr-bench-movie");
		try {
			final Path model = BenchMovie.model(dir, preset);
			final Path movie = BenchMovie.movie(dir, side, frames);
			final Path ours = dir.resolve("ours.tif");
			final Path theirs = dir.resolve("theirs.tif");
			final double[] rss = { Double.NaN, Double.NaN };
			final List<String> jvm = ChildJvm.superres(side, tile);
			final Interleaved.Round oursRound = () -> Stopwatch.seconds(() -> rss[0] = ChildJvm.peakRssMb(
				jvm, context.threads(), "org.pssr.cli.Main", "superres", "--model", model.toString(),
				"--input", movie.toString(), "--output", ours.toString(), "--tile", Integer.toString(tile),
				"--device", "cpu", "--overwrite")); // every round after the first replaces the movie it wrote
			final Interleaved.Round theirRound = () -> Stopwatch.seconds(() -> rss[1] = context
				.reference().run("superres", "--preset", preset, "--input", movie.toString(), "--output",
					theirs.toString(), "--lr-tile", Integer.toString(tile)).get("peakRssMB").getAsDouble());
			final Spread[] seconds = Interleaved.run(rounds, oursRound, context.reference().available()
				? theirRound : null);
			requireFrames(ours, frames, side * scale);
			if (seconds[1] != null) requireFrames(theirs, frames, side * scale);
			final double megapixels = (double) frames * side * scale * side * scale / 1e6;
			final String what = String.format(Locale.ROOT, "%s, %d frames %dx%d -> %dx%d, LR tiles of %d",
				preset, frames, side, side, side * scale, side * scale, tile);
			final String how = String.format(Locale.ROOT, "%d rounds in alternation with the reference; " +
				"whole processes timed from outside, start-up included; ours: pssr superres in the JVM " +
				"of the pssr script and the cluster tasks (%s)", rounds, String.join(" ", jvm));
			return Arrays.asList(Measurement.rates("superres movie " + what, "output MP/s", megapixels,
				seconds, context.referenceNote(how)), new Measurement("memory: peak RSS, superres movie " +
					what, "MB", rss[0], rss[1], false, context.referenceNote(
						"the last round of each side; the reference's VmHWM")));
		}
		finally {
			Folders.deleteTree(dir);
		}
	}

	/** Both sides must have written the whole movie, or the times compare different work. */
	private static void requireFrames(final Path tiff, final int frames, final int side)
		throws Exception
	{
		try (TiffStackReader r = new TiffStackReader(tiff)) {
			if (r.planes() != frames || r.width() != side || r.height() != side)
				throw new IllegalStateException(tiff.getFileName() + " has " + r.planes() + " frames of " + r
					.width() + "x" + r.height() + ", not " + frames + " of " + side + "x" + side);
		}
	}
}
