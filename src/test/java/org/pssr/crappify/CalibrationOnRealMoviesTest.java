package org.pssr.crappify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pssr.crappify.acquisition.Acquisition;
import org.pssr.crappify.acquisition.SimulatedAcquisition;
import org.pssr.imagej.MovieFiles;
import org.pssr.testing.RealData;
import org.pssr.testing.SharedData;

/**
 * {@code pssr calibrate} on the real time-lapses recorded by simulated cameras (20 to 100 photons,
 * gains 0.5 to 5, optics' blur of 2 HR pixels), against the cameras' truth: the table of
 * docs/trust.md, written to {@code target/calibration-on-real-movies.md}. The real movies move and
 * carry noise and fine texture of their own, which no calibration can tell from the camera's; the
 * bounds asserted are those measured, so a change that makes calibration worse fails.
 */
@RealData
class CalibrationOnRealMoviesTest {

	private static final String[] MOVIES = { "drosophila_h2b_seq1.tif", "drosophila_h2b_seq2.tif",
		"hela_gag_mvenus.tif", "mitocheck_nuclei.tif" };
	private static final double[] PHOTONS = { 20, 50, 100 };
	private static final double[] GAINS = { 0.5, 2, 5 };

	@Test
	void calibrationRecoversTheSimulatedCameras() throws IOException {
		final StringBuilder md = new StringBuilder("| movie | photons | gain | measured gain | gain error | " +
			"variance error at 0.1 / 0.5 / 0.9 of the range | from | coverage |\n|---|---|---|---|---|---|---|---|\n");
		final List<Double> gainErrors = new ArrayList<>();
		final List<Double> varianceErrors = new ArrayList<>();
		int refused = 0;
		for (final String name : MOVIES) {
			final Movie hr = MovieFiles.IMAGEJ.open(SharedData.movie(name), 1);
			for (final double photons : PHOTONS)
				for (final double gain : GAINS) {
					final Acquisition a = Acquisition.of(Map.of("photons", photons, "gain", gain));
					final SimulatedAcquisition lr = new SimulatedAcquisition(hr, a, 1, name);
					final NoiseCalibration c;
					try {
						c = NoiseCalibration.measure(lr, 0, lr.frames(), name);
					}
					catch (final IllegalArgumentException e) {
						refused++;
						md.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f | refused: %s | | | | |\n", name,
							photons, gain, e.getMessage().replace(name + ": ", "").replace(name + " ", "")));
						continue;
					}
					final StringBuilder levels = new StringBuilder();
					double worst = 0;
					for (final double level : new double[] { 0.1, 0.5, 0.9 }) {
						final double counts = a.counts(level);
						final double error = c.variance(counts) / a.variance(counts) - 1;
						worst = Math.max(worst, Math.abs(error));
						levels.append(levels.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT,
							"%+.0f%%", 100 * error));
					}
					gainErrors.add(Math.abs(c.gain / gain - 1));
					varianceErrors.add(worst);
					md.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.3f | %+.0f%% | %s | %s | %.2f |\n",
						name, photons, gain, c.gain, 100 * (c.gain / gain - 1), levels, c.method, c.coverage));
				}
		}
		final long withinTen = varianceErrors.stream().filter(e -> e <= 0.1).count();
		md.append(String.format(Locale.ROOT, "\n%d of %d recordings calibrated, %d refused; gain within 10%% " +
			"in %d, variance at all three levels within 10%% in %d, within 25%% in %d.\n", gainErrors.size(),
			gainErrors.size() + refused, refused, gainErrors.stream().filter(e -> e <= 0.1).count(),
			withinTen, varianceErrors.stream().filter(e -> e <= 0.25).count()));
		final Path table = Path.of("target", "calibration-on-real-movies.md");
		Files.createDirectories(table.getParent());
		Files.write(table, md.toString().getBytes(StandardCharsets.UTF_8));
		assertTrue(refused == 0, md.toString());
		assertTrue(withinTen >= 24, md.toString());
		assertTrue(varianceErrors.stream().filter(e -> e <= 0.25).count() >= 34, md.toString());
	}
}
