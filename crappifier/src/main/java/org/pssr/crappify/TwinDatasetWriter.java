package org.pssr.crappify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import net.imglib2.img.array.ArrayImgs;

import org.pssr.crappify.io.Checksums;
import org.pssr.crappify.io.ImageJTiffWriter;
import org.pssr.crappify.io.Outputs;
import org.pssr.crappify.io.PixelFormat;
import org.pssr.crappify.io.StagedOutput;

/**
 * Writes a twin dataset folder: per split, {@code targets.tif} (one HR plane per sample) and
 * {@code lr1.tif}, {@code lr2.tif} (hyperstacks, channels = tuple frames, time = sample), float32 in
 * normalised units, plus {@code manifest.json}. Samples are drawn on a fixed thread pool a bounded
 * batch at a time and written in index order, so memory holds tiles, not movies, and the files are
 * byte-identical whatever the thread count. Everything is written into a hidden temporary folder
 * beside the output and renamed into place at the end, with the manifest last: a folder with a
 * manifest is always complete.
 */
public final class TwinDatasetWriter {

	private static final int BATCH_PER_THREAD = 8;

	private final TwinCrappifier crappifier;
	private final int threads;
	private final Logger log;

	public TwinDatasetWriter(final TwinCrappifier crappifier, final int threads,
		final Logger log)
	{
		if (threads < 1) throw new IllegalArgumentException("threads must be >= 1: " + threads);
		this.crappifier = crappifier;
		this.threads = threads;
		this.log = log;
	}

	/**
	 * @param output a new folder, an empty one or an earlier dataset (replaced); anything else is
	 *          refused before a byte is written
	 */
	public void write(final Path output, final int train, final int valid) throws IOException {
		if (train < 1) throw new IllegalArgumentException("need at least one training sample");
		if (valid < 0) throw new IllegalArgumentException("validation count must be >= 0");
		if (valid > 0 && !crappifier.hasFrames(Split.VALID)) {
			throw new IllegalArgumentException(
				"validation samples requested but no frames are held out (validation fraction 0)");
		}
		final Path target = output.toAbsolutePath().normalize();
		checkOutput(target, crappifier.sources());
		final DatasetManifest manifest = manifest(train, valid);
		try (StagedOutput staged = StagedOutput.folder(target)) {
			final Path temp = staged.path();
			final ExecutorService pool = Executors.newFixedThreadPool(threads);
			try {
				final long total = (long) train + valid;
				writeSplit(pool, temp, Split.TRAIN, train, 0, total);
				if (valid > 0) writeSplit(pool, temp, Split.VALID, valid, train, total);
			}
			finally {
				pool.shutdownNow();
			}
			Files.write(temp.resolve(TwinDataset.MANIFEST), Records.gson().toJson(manifest).getBytes(
				StandardCharsets.UTF_8));
			staged.commit();
		}
	}

	/**
	 * Samples of {@code total} that go to validation: the fraction, rounded, at least one when the
	 * fraction is above 0 and at most {@code total - 1}, so training always has samples; 0 when
	 * {@code total < 2}.
	 */
	public static int validationCount(final int total, final double fraction) {
		if (fraction <= 0 || total < 2) return 0;
		return (int) Math.max(1, Math.min(total - 1L, Math.round(total * fraction)));
	}

	/**
	 * Refuses an output that {@link #write} would refuse, so callers can fail before the slow work:
	 * a file, a folder that is neither empty nor a twin dataset, or one that holds a source movie
	 * (replacing the dataset would delete it).
	 *
	 * @throws IllegalArgumentException naming the output and the reason
	 */
	public static void checkOutput(final Path output, final List<SourceMovie> sources)
		throws IOException
	{
		final Path target = output.toAbsolutePath().normalize();
		for (final SourceMovie s : sources)
			s.file().ifPresent(f -> Outputs.refuseOverwriting(target, f, "the input movie"));
		if (!Files.exists(target)) return;
		if (!Files.isDirectory(target)) {
			throw new IllegalArgumentException("output " + target +
				" exists and is a file, not a dataset folder");
		}
		if (TwinDataset.isDataset(target)) return;
		try (Stream<Path> entries = Files.list(target)) {
			if (entries.findAny().isPresent()) {
				throw new IllegalArgumentException("output folder " + target +
					" exists and is not a twin dataset; choose a new or empty folder");
			}
		}
	}

	private void writeSplit(final ExecutorService pool, final Path folder, final Split split,
		final int count, final long doneBefore, final long total) throws IOException
	{
		final Path dir = Files.createDirectory(folder.resolve(split.folder()));
		final int tile = crappifier.options().tile();
		final int lr = tile / crappifier.recipe().scale();
		final int frames = crappifier.options().frames();
		final List<ImageJTiffWriter> writers = new ArrayList<>();
		try {
			final ImageJTiffWriter targets = open(writers, dir.resolve(TwinDataset.TARGETS), tile, 1,
				count);
			final ImageJTiffWriter lr1 = open(writers, dir.resolve(TwinDataset.LR1), lr, frames, count);
			final ImageJTiffWriter lr2 = open(writers, dir.resolve(TwinDataset.LR2), lr, frames, count);
			final int batch = threads * BATCH_PER_THREAD;
			for (int start = 0; start < count; start += batch) {
				final List<Future<TwinSample>> futures = new ArrayList<>();
				for (int i = start; i < Math.min(count, start + batch); i++) {
					final int index = i;
					futures.add(pool.submit(() -> crappifier.draw(split, 0, index)));
				}
				for (int i = 0; i < futures.size(); i++) {
					final TwinSample s = get(futures.get(i));
					targets.write(ArrayImgs.floats(s.target(), tile, tile));
					for (int c = 0; c < frames; c++) {
						lr1.write(ArrayImgs.floats(channel(s.x1(), c, lr), lr, lr));
						lr2.write(ArrayImgs.floats(channel(s.x2(), c, lr), lr, lr));
					}
					log.progress("twins", doneBefore + start + i + 1, total);
				}
			}
			for (final ImageJTiffWriter w : writers) {
				w.close();
			}
		}
		catch (final IOException | RuntimeException | Error e) {
			for (final ImageJTiffWriter w : writers) {
				w.abort();
			}
			throw e;
		}
	}

	private static ImageJTiffWriter open(final List<ImageJTiffWriter> writers, final Path file,
		final int size, final int channels, final int samples) throws IOException
	{
		final ImageJTiffWriter w = new ImageJTiffWriter(file, size, size, channels, 1, samples,
			PixelFormat.FLOAT32, Calibration.UNKNOWN);
		writers.add(w);
		return w;
	}

	private static float[] channel(final float[] chw, final int c, final int lr) {
		final float[] out = new float[lr * lr];
		System.arraycopy(chw, c * lr * lr, out, 0, out.length);
		return out;
	}

	private static TwinSample get(final Future<TwinSample> future) throws IOException {
		try {
			return future.get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while generating twins", e);
		}
		catch (final ExecutionException e) {
			final Throwable cause = e.getCause();
			if (cause instanceof RuntimeException) throw (RuntimeException) cause;
			if (cause instanceof Error) throw (Error) cause;
			throw new IOException(cause);
		}
	}

	private DatasetManifest manifest(final int train, final int valid) throws IOException {
		final TwinOptions o = crappifier.options();
		final Degradation recipe = crappifier.recipe();
		final DatasetManifest m = new DatasetManifest();
		m.format = TwinDataset.FORMAT;
		m.version = TwinDataset.VERSION;
		m.scale = recipe.scale();
		m.frames = o.frames();
		m.tile = o.tile();
		m.lrTile = o.tile() / recipe.scale();
		m.recipe = recipe;
		m.draw = new DatasetManifest.Draw();
		m.draw.seed = o.seed();
		m.draw.minSignal = o.minSignal();
		m.draw.maxTries = o.maxTries();
		m.draw.augment = o.augment();
		m.draw.validationFraction = o.validation();
		m.normalisation = crappifier.normalisation();
		m.sources = new ArrayList<>();
		for (final SourceMovie s : crappifier.sources()) {
			final DatasetManifest.Source j = new DatasetManifest.Source();
			j.name = s.name();
			if (s.file().isPresent()) {
				j.file = s.file().get().toString();
				j.sha256 = Checksums.sha256(s.file().get());
			}
			j.width = s.movie().width();
			j.height = s.movie().height();
			j.frames = s.movie().frames();
			j.low = s.intensityMap().low();
			j.high = s.intensityMap().high();
			m.sources.add(j);
		}
		m.counts = new DatasetManifest.Counts();
		m.counts.train = train;
		m.counts.valid = valid;
		m.layout = "per split folder: targets.tif (one HR tile per sample), lr1.tif and lr2.tif " +
			"(channels = tuple frames t-k..t+k, time = sample); float32, normalised units";
		return m;
	}
}
