package org.pssr.app;

import java.io.IOException;
import java.nio.file.Path;

import org.pssr.crappify.Logger;
import org.pssr.crappify.Movie;
import org.pssr.crappify.Provenance;
import org.pssr.crappify.acquisition.Acquisition;
import org.pssr.crappify.acquisition.SimulatedAcquisition;
import org.pssr.crappify.io.ImageJTiffWriter;
import org.pssr.crappify.io.Outputs;
import org.pssr.crappify.io.PixelFormat;

/**
 * A high-resolution movie as a camera on a lower-resolution microscope would have recorded it
 * ({@code pssr simulate}): a 16-bit movie of grey levels, the data {@code pssr calibrate} and
 * {@code pssr superres} take, made with known optics, photons and camera, so that the whole flow can
 * be measured against the truth.
 */
public final class SimulateJob {

	private final Acquisition acquisition;
	private final long seed;

	public SimulateJob(final Acquisition acquisition, final long seed) {
		this.acquisition = acquisition;
		this.seed = seed;
	}

	/**
	 * @param source the HR movie's file; the output may not replace it
	 * @param rule whether an earlier movie of pssr's at {@code output} may be replaced
	 */
	public SimulatedAcquisition run(final Movie hr, final Path source, final Path output,
		final OutputRule rule, final Logger log) throws IOException
	{
		Outputs.refuseUnwritable(output);
		Outputs.refuseOverwriting(output, source, "the input movie");
		rule.check("--output", output, OutputRule.Kind.MOVIE);
		final String name = source.getFileName().toString();
		final SimulatedAcquisition lr;
		try {
			lr = new SimulatedAcquisition(hr, acquisition, seed, name);
		}
		catch (final IllegalArgumentException e) {
			throw Refusals.about(source, e);
		}
		final String info = Provenance.of("simulate").with("input", Provenance.describe(source)).with(
			"acquisition", acquisition).with("seed", seed).text();
		try (ImageJTiffWriter out = new ImageJTiffWriter(output, lr.width(), lr.height(), 1, 1, lr
			.frames(), PixelFormat.UINT16, lr.calibration(), info))
		{
			for (int t = 0; t < lr.frames(); t++) {
				out.write(lr.frame(t));
				log.progress("frames", t + 1, lr.frames());
			}
		}
		log.log("simulated " + name + " as recorded with " + acquisition + ", seed " + seed);
		return lr;
	}
}
