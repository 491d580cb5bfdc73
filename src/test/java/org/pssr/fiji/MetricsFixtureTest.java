package org.pssr.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.io.Opener;
import ij.process.ImageProcessor;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pssr.train.eval.ImageQuality;
import org.pssr.train.eval.PssrNormalisation;
import org.pssr.train.eval.Upsampling;

/**
 * Our PSNR and SSIM against scikit-image 0.19.3 on frame pairs of two small movies committed with
 * the numbers (src/test/resources/org/pssr/train/eval, with the script that made both);
 * {@link MetricsFixtureRealDataTest} does the same on frames of the real movies. Lives here because
 * the movies are read with ImageJ.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsFixtureTest {

	private static final String FOLDER = "/org/pssr/train/eval/";

	/** Prefix of the fixture tables this class checks. */
	String tables() {
		return "";
	}

	/** The movie a fixture row names. */
	Path movie(final String name) {
		try {
			return Paths.get(MetricsFixtureTest.class.getResource(FOLDER + name).toURI());
		}
		catch (final URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	List<Arguments> fixtures() throws IOException {
		return rows(tables() + "metric_fixtures.csv");
	}

	List<Arguments> upsamplingFixtures() throws IOException {
		return rows(tables() + "upsampling_fixtures.csv");
	}

	private static List<Arguments> rows(final String file) throws IOException {
		final List<Arguments> rows = new ArrayList<>();
		try (BufferedReader in = new BufferedReader(new InputStreamReader(MetricsFixtureTest.class
			.getResourceAsStream(FOLDER + file), StandardCharsets.UTF_8)))
		{
			in.readLine();
			for (String line = in.readLine(); line != null; line = in.readLine())
				rows.add(Arguments.of((Object) line.split(",")));
		}
		return rows;
	}

	@ParameterizedTest
	@MethodSource("fixtures")
	void matchesScikitImage(final String[] row) {
		final Path movie = movie(row[0]);
		final ImagePlus imp = new Opener().openImage(movie.toString());
		assertNotNull(imp, "cannot open " + movie);
		final int width = imp.getWidth();
		final int height = imp.getHeight();
		final double unit = imp.getBitDepth() == 16 ? 65535 : 255;
		final float[] truth = frame(imp, Integer.parseInt(row[1]));
		final float[] other = frame(imp, Integer.parseInt(row[2]));

		final double[] truthUnit = new double[truth.length];
		final double[] otherUnit = new double[truth.length];
		for (int i = 0; i < truth.length; i++) {
			truthUnit[i] = truth[i] / unit;
			otherUnit[i] = other[i] / unit;
		}
		assertEquals(Double.parseDouble(row[3]), ImageQuality.ssim(truthUnit, otherUnit, width,
			height), 1e-6, "SSIM of frames scaled to [0, 1]");

		final double[] t = PssrNormalisation.truth(truth);
		final double[] p = PssrNormalisation.fitted(other, t);
		final double psnr = Double.parseDouble(row[4]);
		assertEquals(psnr, ImageQuality.psnr(t, p), 1e-6 * psnr, "PSNR after PSSR normalisation");
		assertEquals(Double.parseDouble(row[5]), ImageQuality.ssim(t, p, width, height), 1e-6,
			"SSIM after PSSR normalisation");
	}

	@ParameterizedTest
	@MethodSource("upsamplingFixtures")
	void bilinearMatchesScikitImageResize(final String[] row) {
		final ImagePlus imp = new Opener().openImage(movie(row[0]).toString());
		final int scale = Integer.parseInt(row[2]);
		final int width = imp.getWidth() * scale;
		final float[] up = Upsampling.BILINEAR.upsample(frame(imp, Integer.parseInt(row[1])), imp
			.getWidth(), imp.getHeight(), scale);
		double squares = 0;
		double dx = 0;
		for (int i = 0; i < up.length; i++) {
			squares += (double) up[i] * up[i];
			if (i % width != 0) dx += Math.abs(up[i] - up[i - 1]);
		}
		assertEquals(Double.parseDouble(row[3]), squares, 1e-6 * squares, "sum of squares");
		assertEquals(Double.parseDouble(row[4]), dx, 1e-5 * dx, "sum of |dx|");
		for (final String probe : row[5].split(" ")) {
			final String[] yxv = probe.split(":");
			assertEquals(Double.parseDouble(yxv[2]), up[Integer.parseInt(yxv[0]) * width + Integer
				.parseInt(yxv[1])], 1e-3, "pixel " + probe);
		}
	}

	private static float[] frame(final ImagePlus imp, final int t) {
		final ImageProcessor ip = imp.getStack().getProcessor(t + 1);
		final float[] values = new float[ip.getPixelCount()];
		for (int i = 0; i < values.length; i++)
			values[i] = ip.getf(i);
		return values;
	}
}
