package org.pssr.crappify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;

import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;
import org.pssr.testing.TestMovie;

/** On the synthetic stand-ins; {@link NormalisationRealDataTest} runs the same on the real movies. */
class NormalisationTest {

	Path movie(final TestMovie movie) {
		return movie.synthetic();
	}

	@Test
	void percentilesAreExactOnIntegerMovies() {
		for (final TestMovie m : new TestMovie[] { TestMovie.NUCLEI, TestMovie.CELLS_16BIT }) {
			final String name = m.fileName();
			final Movie movie = TestMovies.open(movie(m));
			final Normalisation n = Normalisation.of(movie, name);
			final int sampled = Math.min(Normalisation.SAMPLE_FRAMES, movie.frames());
			final float[] all = new float[(int) (sampled * movie.width() * movie.height())];
			int i = 0;
			for (int k = 0; k < sampled; k++) {
				for (final FloatType v : Views.flatIterable(movie.frame(k * movie.frames() / sampled))) {
					all[i++] = v.get();
				}
			}
			Arrays.sort(all);
			assertEquals(all[(int) (Normalisation.LOW_PERCENTILE / 100 * (all.length - 1))], n.low(),
				name);
			assertEquals(all[(int) (Normalisation.HIGH_PERCENTILE / 100 * (all.length - 1))], n.high(),
				name);
			assertEquals(0, n.apply((float) n.low()), 1e-6);
			assertEquals(1, n.apply((float) n.high()), 1e-6);
			assertEquals(1234.5f, n.invert(n.apply(1234.5f)), 1e-2);
		}
	}
}
