package org.pssr.crappify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.imglib2.type.numeric.real.FloatType;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.pssr.testing.MovieSuite;
import org.pssr.testing.TestMovie;

/**
 * The one intensity normalisation, on the synthetic stand-ins; {@link NormalisationRealDataTest}
 * runs the same on the real movies.
 */
class NormalisationTest extends MovieSuite {

	@Test
	void percentilesAreNumPysOfEvenlySpreadFramesFirstAndLastIncluded() {
		for (final TestMovie m : new TestMovie[] { TestMovie.NUCLEI, TestMovie.CELLS_16BIT }) {
			final Movie movie = TestMovies.open(movie(m));
			final IntensityMap map = Normalisation.PSSR.fit(movie, m.fileName());
			final int n = Math.min(Normalisation.SAMPLE_FRAMES, movie.frames());
			final List<Integer> frames = new ArrayList<>();
			for (int i = 0; i < n; i++)
				frames.add((int) Math.round(i * (movie.frames() - 1.0) / (n - 1)));
			assertEquals(0, frames.get(0));
			assertEquals(movie.frames() - 1, frames.get(n - 1));
			final float[] all = new float[(int) (n * movie.width() * movie.height())];
			int i = 0;
			for (final int t : frames) {
				for (final FloatType v : movie.frame(t))
					all[i++] = v.get();
			}
			Arrays.sort(all);
			assertEquals(numpyLinear(all, 0.1), map.low(), 1e-9, m.fileName());
			assertEquals(numpyLinear(all, 99.9), map.high(), 1e-9, m.fileName());
			assertEquals(0, map.apply((float) map.low()), 1e-6);
			assertEquals(1, map.apply((float) map.high()), 1e-6);
			assertEquals(1234.5f, map.invert(map.apply(1234.5f)), 1e-2);
		}
	}

	/** {@code numpy.percentile(sorted, percent)} (linear interpolation), written out. */
	private static double numpyLinear(final float[] sorted, final double percent) {
		final double position = percent / 100 * (sorted.length - 1);
		final int below = (int) position;
		return sorted[below] + (position - below) * (sorted[Math.min(below + 1, sorted.length - 1)] -
			sorted[below]);
	}

	@Test
	void aFlatMovieMapsToZeroAndBackToItsValue() {
		final IntensityMap flat = Normalisation.PSSR.fit(new float[] { 7, 7, 7, 7 });
		assertTrue(flat.flat());
		assertEquals(0, flat.apply(7), 0);
		assertEquals(0, flat.apply(100), 0);
		assertEquals(7, flat.invert(0), 0);
		final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
			() -> SourceMovie.of("flat.tif", null, TestMovies.inMemory(16, 16, new float[][] {
				new float[256], new float[256], new float[256] })));
		assertTrue(refused.getMessage().contains("nothing to learn"), refused.getMessage());
	}

	@Test
	void bioimageIosEpsGuardsTheSpan() {
		final IntensityMap map = new IntensityMap(10, 10, 1e-6);
		assertEquals((15 - 10) / 1e-6, map.apply(15), 1);
		assertEquals(15, map.invert(map.apply(15)), 1e-3);
		assertEquals(1 / (1 + 1e-6), new IntensityMap(0, 1, 1e-6).apply(1), 1e-7, "float precision");
	}

	@Test
	void nonFiniteValuesAreRefusedNamingTheFrame() {
		final float[][] planes = new float[3][64];
		for (int t = 0; t < planes.length; t++)
			for (int i = 0; i < 64; i++)
				planes[t][i] = i;
		planes[2][5] = Float.POSITIVE_INFINITY;
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> Normalisation.PSSR.fit(TestMovies.inMemory(8, 8, planes), "bad.tif"));
		assertEquals("bad.tif: frame 3 has NaN or infinite values", e.getMessage());
	}

	@Test
	void recordedInOneFormatAndFormat1DatasetsStillRead() {
		final Normalisation n = new Normalisation(1, 99);
		assertEquals(n, Normalisation.fromJson(n.toJson()));
		assertEquals("{\"method\":\"percentile\",\"low\":1.0,\"high\":99.0}", n.toJson().toString());
		final JsonObject format1 = JsonParser.parseString(
			"{\"lowPercentile\":0.1,\"highPercentile\":99.9,\"sampleFrames\":16}").getAsJsonObject();
		assertEquals(Normalisation.PSSR, Normalisation.fromJson(format1));
		assertThrows(IllegalArgumentException.class, () -> new Normalisation(50, 50));
	}
}
