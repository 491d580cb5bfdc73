package org.pssr.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.ImgUtil;

import org.pssr.crappify.AbstractMovie;
import org.pssr.crappify.Degradations;
import org.pssr.crappify.Movie;
import org.pssr.crappify.SourceMovie;
import org.pssr.crappify.Split;
import org.pssr.crappify.TwinCrappifier;
import org.pssr.crappify.TwinOptions;
import org.pssr.crappify.synth.SyntheticFluorescenceMovie;

/**
 * Twin samples per second drawn on the fly (tile sampling, two degradations, target), per recipe, from
 * a movie held in memory so that reading or rendering frames is not part of the figure.
 */
final class CrappifyWorkload implements Workload {

	private final String recipe;

	CrappifyWorkload(final String recipe) {
		this.recipe = recipe;
	}

	@Override
	public String name() {
		return "crappify-" + recipe;
	}

	@Override
	public List<Measurement> run(final BenchContext context) throws Exception {
		final int side = context.quick() ? 64 : 512;
		final int tile = context.quick() ? 32 : 128;
		final int count = context.quick() ? 8 : 64;
		final Movie movie = inMemory(new SyntheticFluorescenceMovie(side, side, 8, 5));
		final TwinCrappifier c = new TwinCrappifier(Collections.singletonList(SourceMovie.of("synthetic",
			null, movie)), Degradations.create(recipe, TrainingSteps.SCALE, Map.of()), new TwinOptions()
				.frames(TrainingSteps.FRAMES).tile(tile).seed(42).validation(0));
		final long[] epoch = { 0 };
		final int rounds = context.quick() ? 1 : 3;
		final Spread[] seconds = Interleaved.run(rounds, () -> Stopwatch.medianSeconds(1, 3, () -> {
			final long e = epoch[0]++;
			for (int i = 0; i < count; i++) {
				c.draw(Split.TRAIN, e, i);
			}
		}), !context.reference().available() ? null : () -> context.reference().run("crappify",
			"--recipe", recipe, "--tile", Integer.toString(tile), "--count", Integer.toString(count),
			"--warmup", "1", "--reps", "3").get("secondsPerRep").getAsDouble());
		return Collections.singletonList(Measurement.rates("data: crappified twin tuples, recipe " +
			recipe + ", HR " + tile + " px", "tuples/s", count, seconds, context.referenceNote(String.format(
				Locale.ROOT, "one thread each, %d tuples per rep, %d rounds in alternation with the " +
					"reference (NumPy, the same recipe: bench/reference crappify), each median of 3", count,
				rounds))));
	}

	private static Movie inMemory(final Movie m) {
		final List<RandomAccessibleInterval<FloatType>> frames = new ArrayList<>();
		for (int t = 0; t < m.frames(); t++) {
			final RandomAccessibleInterval<FloatType> f = ArrayImgs.floats(m.width(), m.height());
			ImgUtil.copy(m.frame(t), f);
			frames.add(f);
		}
		return new AbstractMovie(m) {

			@Override
			public RandomAccessibleInterval<FloatType> frame(final int t) {
				return frames.get(t);
			}
		};
	}
}
