package org.pssr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;

import ij.IJ;
import ij.ImagePlus;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.app.ModelFiles;
import org.pssr.app.OpenModel;
import org.pssr.crappify.Calibration;
import org.pssr.crappify.Degradation;
import org.pssr.crappify.IntensityMap;
import org.pssr.crappify.Normalisation;
import org.pssr.crappify.io.ImageJTiffWriter;
import org.pssr.crappify.io.PixelFormat;
import org.pssr.crappify.synth.SyntheticFluorescenceMovie;
import org.pssr.testing.ArrayMovie;
import org.pssr.train.infer.UncertaintyMap;

import net.imglib2.type.numeric.real.FloatType;

/**
 * The uncertainty map on a held-out synthetic movie whose truth is known: it ranks pixels by their
 * actual error, and the stability term (which trains the network to answer two noise draws alike)
 * lowers it. Two tiny models trained alike but for the stability weight.
 */
class UncertaintyMapTest {

	private static final int SIDE = 64;
	private static final int FRAMES = 6;

	@TempDir
	static Path dir;

	private static Path stable;
	private static Path unstable;
	/** Independent acquisitions of the truth: the error a pixel has is measured over all of them. */
	private static final int ACQUISITIONS = 4;

	private static float[][] truth;
	private static final ArrayMovie[] acquisitions = new ArrayMovie[ACQUISITIONS];
	private static ArrayMovie lr;

	@BeforeAll
	static void trainTwoModelsAndMakeAHeldOutMovie() throws IOException {
		final Path hr = dir.resolve("hr.tif");
		ImageJTiffWriter.save(new SyntheticFluorescenceMovie(96, 96, 12, 1), hr, PixelFormat.UINT16);
		stable = train(hr, "1", "stable.pssr.zip");
		unstable = train(hr, "0", "unstable.pssr.zip");

		final SyntheticFluorescenceMovie held = new SyntheticFluorescenceMovie(SIDE, SIDE, FRAMES, 2);
		final IntensityMap map = Normalisation.PSSR.fit(held, "held-out");
		final Degradation recipe;
		try (OpenModel m = ModelFiles.open(stable, "cpu")) {
			recipe = m.noiseModel().get();
		}
		truth = new float[FRAMES][];
		for (int t = 0; t < FRAMES; t++) {
			truth[t] = new float[SIDE * SIDE];
			int i = 0;
			for (final FloatType v : held.frame(t))
				truth[t][i++] = map.apply(v.get());
		}
		for (int a = 0; a < ACQUISITIONS; a++) {
			final float[][] low = new float[FRAMES][];
			for (int t = 0; t < FRAMES; t++)
				low[t] = recipe.apply(truth[t], SIDE, SIDE, RandomSource.SPLIT_MIX_64.create(100L * a + t));
			acquisitions[a] = new ArrayMovie(SIDE / 2, SIDE / 2, Calibration.UNKNOWN, low);
		}
		lr = acquisitions[0];
	}

	private static Path train(final Path hr, final String stability, final String name) {
		final Path model = dir.resolve(name);
		assertEquals(ExitCodes.OK, Main.run("train", "--movies", hr.toString(), "--output", model
			.toString(), "--scale", "2", "--tile", "32", "--samples", "96", "--batch", "8", "--epochs",
			"8", "--recipe", "poisson", "--stability", stability, "--seed", "3", "--device", "cpu",
			"--lr", "3e-3"));
		return model;
	}

	/**
	 * Per pixel of the middle frames: {the map of the first acquisition, the pixel's error: its mean
	 * |output - truth| over the independent acquisitions, a single one being mostly that draw's noise}.
	 */
	private static float[][] mapAndError(final Path model) throws IOException {
		final int middle = (FRAMES - 2) * SIDE * SIDE;
		final float[] spread = new float[middle];
		final float[] error = new float[middle];
		try (OpenModel m = ModelFiles.open(model, "cpu")) {
			final UncertaintyMap u = new UncertaintyMap(m.noiseModel().get(), 16, 1);
			for (int a = 0; a < ACQUISITIONS; a++) {
				final ArrayMovie movie = acquisitions[a];
				final IntensityMap n = m.normaliser(movie);
				final Iterator<float[][]> frames = u.frames(m.resolver(64), movie, n, 0, FRAMES);
				for (int t = 0; frames.hasNext(); t++) {
					final float[][] f = frames.next();
					if (t == 0 || t == FRAMES - 1) continue; // mirrored neighbours at the ends
					for (int i = 0; i < SIDE * SIDE; i++) {
						if (a == 0) spread[(t - 1) * SIDE * SIDE + i] = f[1][i];
						error[(t - 1) * SIDE * SIDE + i] += Math.abs(f[0][i] - truth[t][i]) / ACQUISITIONS;
					}
				}
			}
		}
		return new float[][] { spread, error };
	}

	@Test
	void theMapRanksPixelsByTheirActualError() throws IOException {
		final float[][] m = mapAndError(stable);
		final double rho = spearman(m[0], m[1]);
		assertTrue(rho > 0.3, "Spearman correlation of the map with |output - truth|: " + rho);
	}

	@Test
	void theStabilityTermLowersIt() throws IOException {
		final double withStability = mean(mapAndError(stable)[0]);
		final double without = mean(mapAndError(unstable)[0]);
		assertTrue(withStability < without, "mean uncertainty with the stability term " +
			withStability + ", without " + without);
	}

	@Test
	void superresWritesItAsASecondChannelAndRefusesParts() throws IOException {
		final Path in = dir.resolve("lr.tif");
		ImageJTiffWriter.save(lr, in, PixelFormat.FLOAT32);
		final Path out = dir.resolve("lr_pssr.tif");
		final MainRunner pssr = new MainRunner();
		assertEquals(ExitCodes.OK, pssr.run("superres", "--model", stable.toString(), "--input", in
			.toString(), "--output", out.toString(), "--device", "cpu", "--uncertainty", "4"), pssr.err);
		final ImagePlus imp = IJ.openImage(out.toString());
		assertEquals(2, imp.getNChannels());
		assertEquals(FRAMES, imp.getNFrames());
		assertTrue(imp.getInfoProperty().contains("uncertainty: channel 2"), imp.getInfoProperty());
		final float[] map = (float[]) imp.getStack().getPixels(imp.getStackIndex(2, 1, 3));
		assertTrue(mean(map) > 0, "a map of zeros");

		assertEquals(ExitCodes.USAGE, pssr.run("superres", "--model", stable.toString(), "--input", in
			.toString(), "--output", dir.resolve("p.tif").toString(), "--device", "cpu", "--uncertainty",
			"4", "--frames", "1:3"));
		assertTrue(pssr.err.contains("not made for parts"), pssr.err);
		assertEquals(ExitCodes.USAGE, pssr.run("superres", "--model", stable.toString(), "--input", in
			.toString(), "--output", dir.resolve("q.tif").toString(), "--uncertainty", "1"));
		assertTrue(pssr.err.contains("2 to 64"), pssr.err);
		assertFalse(Files.exists(dir.resolve("p.tif")) || Files.exists(dir.resolve("q.tif")));
	}

	private static double mean(final float[] values) {
		double s = 0;
		for (final float v : values)
			s += v;
		return s / values.length;
	}

	private static double spearman(final float[] a, final float[] b) {
		final double[] ra = ranks(a);
		final double[] rb = ranks(b);
		final double ma = (ra.length - 1) / 2.0;
		double sab = 0, saa = 0, sbb = 0;
		for (int i = 0; i < ra.length; i++) {
			sab += (ra[i] - ma) * (rb[i] - ma);
			saa += (ra[i] - ma) * (ra[i] - ma);
			sbb += (rb[i] - ma) * (rb[i] - ma);
		}
		return sab / Math.sqrt(saa * sbb);
	}

	private static double[] ranks(final float[] v) {
		final Integer[] order = new Integer[v.length];
		for (int i = 0; i < order.length; i++)
			order[i] = i;
		Arrays.sort(order, (x, y) -> Float.compare(v[x], v[y]));
		final double[] r = new double[v.length];
		for (int i = 0; i < order.length;) {
			int j = i;
			while (j + 1 < order.length && v[order[j + 1]] == v[order[i]])
				j++;
			for (int k = i; k <= j; k++)
				r[order[k]] = (i + j) / 2.0;
			i = j + 1;
		}
		return r;
	}
}
