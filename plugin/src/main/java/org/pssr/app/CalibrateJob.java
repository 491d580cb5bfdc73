package org.pssr.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonElement;

import org.pssr.crappify.CalibratedDegradation;
import org.pssr.crappify.Logger;
import org.pssr.crappify.Movie;
import org.pssr.crappify.NoiseCalibration;
import org.pssr.crappify.Provenance;
import org.pssr.crappify.RecipeFile;
import org.pssr.crappify.Records;
import org.pssr.crappify.io.Outputs;

/**
 * Measures the noise of the user's own low-resolution acquisition and writes the recipe that
 * degrades HR movies like it ({@code pssr calibrate}, Calibrate Noise): a recipe file that
 * crappify, train and evaluate take as {@code --recipe FILE.json}.
 */
public final class CalibrateJob {

	/** Where the recipe goes when no output is given: beside the movie. */
	public static Path defaultOutput(final Path movie) {
		final String name = movie.getFileName().toString();
		final int dot = name.lastIndexOf('.');
		return movie.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".recipe.json");
	}

	/**
	 * @param range frames to measure on; null for all
	 * @param source the movie's file, for the record; null for an image without one
	 * @param rule whether an earlier recipe file of pssr's at {@code output} may be replaced
	 */
	public NoiseCalibration run(final Movie movie, final FrameRange range, final Path source,
		final Path output, final OutputRule rule, final Logger log) throws IOException
	{
		Outputs.refuseUnwritable(output);
		Outputs.refuseOverwriting(output, source, "the input movie");
		rule.check("--output", output, OutputRule.Kind.RECIPE);
		final String name = source == null ? "the image" : source.getFileName().toString();
		final FrameRange frames = range == null ? new FrameRange(1, Math.max(1, movie.frames()))
			: range.within(movie.frames());
		log.status("measuring the noise of " + name);
		final NoiseCalibration c;
		try {
			c = NoiseCalibration.measure(movie, frames.first() - 1, frames.last(), name);
		}
		catch (final IllegalArgumentException e) {
			throw Refusals.about(source, e);
		}
		final Provenance made = Provenance.of("calibrate").with("input", source == null
			? "(an image without a file)" : Provenance.describe(source)).with("frames", frames);
		final Map<String, JsonElement> extra = new LinkedHashMap<>();
		extra.put("measured", c.measured());
		extra.put("provenance", Records.gson().toJsonTree(made.entries()));
		RecipeFile.write(output, CalibratedDegradation.NAME, c.parameters(), extra);
		log.log("calibrated " + name + ": " + c);
		return c;
	}
}
