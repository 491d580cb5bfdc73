package org.pssr.crappify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The twin draw as a plain function: sample (split, epoch, index) -> an HR tile tuple from one of the
 * source movies, degraded twice with independent random streams (X1, X2), and its centre frame as
 * the target, all in normalised units. Pure in (seed, split, epoch, index), so any number of threads
 * gives the same samples. Thread-safe as long as the movies' {@code frame(t)} is.
 */
public final class TwinCrappifier {

	private final List<SourceMovie> sources;
	private final Degradation recipe;
	private final TwinOptions options;
	/** Per split and movie: first and last eligible centre frame. */
	private final int[][][] centres = new int[2][][];
	private final long[] centreCounts = new long[2];

	public TwinCrappifier(final List<SourceMovie> sources, final Degradation recipe,
		final TwinOptions options)
	{
		if (sources.isEmpty()) throw new IllegalArgumentException("no source movie");
		for (final SourceMovie s : sources) {
			if (!s.normalisation().equals(sources.get(0).normalisation())) throw new IllegalArgumentException(
				"the source movies are normalised differently: " + s.normalisation() + " vs " + sources.get(0)
					.normalisation());
		}
		this.sources = Collections.unmodifiableList(new ArrayList<>(sources));
		this.recipe = recipe;
		// a copy, so that later changes to the caller's options cannot change drawn samples
		this.options = options.copy();
		final int tile = options.tile();
		if (tile % recipe.scale() != 0) {
			throw new IllegalArgumentException("tile " + tile + " is not a multiple of scale " + recipe
				.scale());
		}
		for (final Split split : Split.values()) {
			centres[split.ordinal()] = new int[sources.size()][];
		}
		for (int m = 0; m < sources.size(); m++) {
			checkAndSplit(m);
		}
	}

	private void checkAndSplit(final int m) {
		final SourceMovie source = sources.get(m);
		final Movie movie = source.movie();
		final int tile = options.tile();
		if (movie.width() < tile || movie.height() < tile) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
				"%s is %d x %d px, smaller than the %d px tile; choose a smaller tile", source.name(),
				movie.width(), movie.height(), tile));
		}
		final int frames = options.frames();
		final int k = frames / 2;
		final int total = movie.frames();
		final int held = options.validation() > 0 ? Math.max(frames, (int) Math.ceil(options
			.validation() * total)) : 0;
		if (total - held < frames) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
				"%s has %d frame%s; %d-frame tuples need at least %d%s", source.name(), total,
				total == 1 ? "" : "s", frames, frames + held, held > 0 ? " (" + held +
					" held out for validation)" : ""));
		}
		centres[Split.TRAIN.ordinal()][m] = new int[] { k, total - held - 1 - k };
		centres[Split.VALID.ordinal()][m] = held > 0 ? new int[] { total - held + k, total - 1 - k }
			: new int[] { 0, -1 };
		for (final Split split : Split.values()) {
			final int[] range = centres[split.ordinal()][m];
			centreCounts[split.ordinal()] += range[1] - range[0] + 1;
		}
	}

	/** Whether the split has any frame to draw from (validation is empty when its fraction is 0). */
	public boolean hasFrames(final Split split) {
		return centreCounts[split.ordinal()] > 0;
	}

	public TwinSample draw(final Split split, final long epoch, final long index) {
		if (!hasFrames(split)) throw new IllegalStateException("no frames in the " + split.folder() +
			" split");
		final long seed = options.seed();
		final UniformRandomProvider rng = Seeds.stream(seed, split, epoch, index, Seeds.TILE);
		final int tile = options.tile();
		for (int attempt = 0; attempt < options.maxTries(); attempt++) {
			long pick = rng.nextLong(centreCounts[split.ordinal()]);
			int m = 0;
			int[] range = centres[split.ordinal()][0];
			while (pick >= range[1] - range[0] + 1) {
				pick -= range[1] - range[0] + 1;
				range = centres[split.ordinal()][++m];
			}
			final int t = range[0] + (int) pick;
			final Movie movie = sources.get(m).movie();
			final long x0 = rng.nextLong(movie.width() - tile + 1);
			final long y0 = rng.nextLong(movie.height() - tile + 1);
			final float[] target = tile(m, t, x0, y0);
			if (mean(target) < options.minSignal()) continue;
			final int symmetry = options.augment() ? rng.nextInt(8) : 0;
			return degrade(m, t, x0, y0, Tiles.dihedral(target, tile, symmetry), symmetry, Seeds
				.stream(seed, split, epoch, index, Seeds.DRAW1), Seeds.stream(seed, split, epoch, index,
					Seeds.DRAW2));
		}
		throw new IllegalArgumentException(String.format(Locale.ROOT,
			"no %d px tile with mean signal >= %s found in %d tries; lower the minimum signal",
			tile, options.minSignal(), options.maxTries()));
	}

	private TwinSample degrade(final int m, final int t, final long x0, final long y0,
		final float[] target, final int symmetry, final UniformRandomProvider rng1,
		final UniformRandomProvider rng2)
	{
		final int tile = options.tile();
		final int frames = options.frames();
		final int lr = tile / recipe.scale();
		final float[] x1 = new float[frames * lr * lr];
		final float[] x2 = new float[x1.length];
		for (int c = 0; c < frames; c++) {
			final int frame = t - frames / 2 + c;
			final float[] hr = frame == t ? target : Tiles.dihedral(tile(m, frame, x0, y0), tile,
				symmetry);
			final float[][] twin = recipe.applyTwice(hr, tile, tile, rng1, rng2);
			System.arraycopy(twin[0], 0, x1, c * lr * lr, lr * lr);
			System.arraycopy(twin[1], 0, x2, c * lr * lr, lr * lr);
		}
		return new TwinSample(x1, x2, target, frames, lr, lr, recipe.scale());
	}

	/** The normalised HR tile of frame t at (x0, y0), row-major. */
	private float[] tile(final int m, final int t, final long x0, final long y0) {
		final SourceMovie source = sources.get(m);
		final RandomAccessibleInterval<FloatType> frame = source.movie().frame(t);
		final int tile = options.tile();
		final long[] min = { frame.min(0) + x0, frame.min(1) + y0 };
		final long[] max = { min[0] + tile - 1, min[1] + tile - 1 };
		final Cursor<FloatType> cursor = Views.flatIterable(Views.interval(frame, min, max)).cursor();
		final IntensityMap map = source.intensityMap();
		final float[] out = new float[tile * tile];
		for (int i = 0; i < out.length; i++) {
			final float v = cursor.next().get();
			if (!Float.isFinite(v)) {
				throw new IllegalArgumentException(source.name() + ": frame " + (t + 1) +
					" has NaN or infinite values");
			}
			out[i] = map.apply(v);
		}
		return out;
	}

	private static double mean(final float[] values) {
		double sum = 0;
		for (final float v : values) {
			sum += v;
		}
		return sum / values.length;
	}

	/** Draws on the fly: fresh noise and tiles every epoch for training, a fixed set for validation. */
	public TwinSource source(final Split split, final int size) {
		return new OnTheFlyTwinSource(this, split, size);
	}

	public List<SourceMovie> sources() {
		return sources;
	}

	public Degradation recipe() {
		return recipe;
	}

	public TwinOptions options() {
		return options.copy();
	}

	/** How every source movie is normalised. */
	public Normalisation normalisation() {
		return sources.get(0).normalisation();
	}

	/** Recipe, parameters and draw options in one line, for model bundles and logs. */
	public String describe() {
		return String.format(Locale.ROOT,
			"recipe=%s %s frames=%d tile=%d seed=%d minsignal=%s augment=%s normalisation=%s-%s%%",
			recipe.name(), recipe.parameters(), options.frames(), options.tile(), options.seed(),
			options.minSignal(), options.augment(), normalisation().lowPercentile(), normalisation()
				.highPercentile());
	}
}
