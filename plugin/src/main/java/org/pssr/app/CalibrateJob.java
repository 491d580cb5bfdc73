package org.pssr.app;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.pssr.crappify.BlurEstimate;
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

	private List<Path> hr = List.of();
	private int scale;
	private int channel;
	private MovieOpener opener;
	private boolean blurOptional;

	/**
	 * Also measures the blur of the acquisition against high-resolution movies of the same kind of
	 * sample ({@link BlurEstimate}), for the recipe.
	 *
	 * @param movies HR movies or folders of them; none: the blur is not measured
	 * @param factor the downsampling factor between them and the acquisition
	 * @param channel of the HR movies, from 1
	 */
	public CalibrateJob withBlurAgainst(final List<Path> movies, final int factor, final int channel,
		final MovieOpener opener)
	{
		if (!movies.isEmpty() && factor != 2 && factor != 4 && factor != 8) throw new IllegalArgumentException(
			"--scale must be 2, 4 or 8 to measure the blur against HR movies, not " + factor);
		hr = List.copyOf(movies);
		scale = factor;
		this.channel = channel;
		this.opener = opener;
		return this;
	}

	/**
	 * When the blur cannot be measured against the HR movies (none large enough, an acquisition too
	 * noisy or too smooth), the recipe has none and the log says why, instead of a refusal: for a
	 * flow that goes on to train with the recipe, where the noise matters most.
	 */
	public CalibrateJob blurOptional() {
		blurOptional = true;
		return this;
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
		final List<Path> hrFiles = hr.isEmpty() ? List.of() : SourceMovies.expand(hr);
		for (final Path file : hrFiles)
			Outputs.refuseOverwriting(output, file, "a high-resolution movie");
		Outputs.refuseOverwriting(output, source, "the input movie");
		rule.check("--output", output, OutputRule.Kind.RECIPE);
		final String name = source == null ? "the image" : source.getFileName().toString();
		final FrameRange frames = range == null ? new FrameRange(1, Math.max(1, movie.frames()))
			: range.within(movie.frames());
		// the HR movies are opened and checked before any measuring
		final List<Movie> hrMovies = new ArrayList<>();
		try {
			for (final Path file : hrFiles)
				hrMovies.add(opener.open(file, channel));
			// where the blur is optional, HR movies too small for it leave the recipe without one
			if (!hrMovies.isEmpty() && !blurOptional) BlurEstimate.checkSizes(movie, hrMovies, scale, name);
			return measure(movie, frames, source, name, hrFiles, hrMovies, output, log);
		}
		finally {
			for (final Movie m : hrMovies)
				if (m instanceof Closeable) ((Closeable) m).close();
		}
	}

	private NoiseCalibration measure(final Movie movie, final FrameRange frames, final Path source,
		final String name, final List<Path> hrFiles, final List<Movie> hrMovies, final Path output,
		final Logger log) throws IOException
	{
		log.status("measuring the noise of " + name);
		final NoiseCalibration c;
		BlurEstimate b = null;
		String blurMissing = "give high-resolution movies of the same kind of sample to measure it against";
		try {
			c = NoiseCalibration.measure(movie, frames.first() - 1, frames.last(), name);
			if (!hrMovies.isEmpty()) {
				log.status("measuring the blur of " + name + " against " + hrMovies.size() +
					" high-resolution movie(s)");
				try {
					b = BlurEstimate.measure(movie, c, hrMovies, scale, name);
				}
				catch (final IllegalArgumentException e) {
					if (!blurOptional) throw e;
					blurMissing = e.getMessage();
					log.log("warning: the blur was not measured, so the recipe has none: " + blurMissing);
				}
			}
		}
		catch (final IllegalArgumentException e) {
			throw Refusals.about(source, e);
		}
		final Provenance made = Provenance.of("calibrate").with("input", source == null
			? "(an image without a file)" : Provenance.describe(source)).with("frames", frames);
		final JsonObject measured = c.measured();
		if (b == null) measured.addProperty("blur", "not measured: " + blurMissing);
		else {
			measured.addProperty("blur", b.toString());
			made.with("blur measured against", hrFiles.stream().map(p -> p.getFileName().toString())
				.collect(Collectors.joining(", "))).with("scale", scale);
			log.log("measured the blur of " + name + ": " + b);
		}
		final Map<String, JsonElement> extra = new LinkedHashMap<>();
		extra.put("measured", measured);
		extra.put("provenance", Records.gson().toJsonTree(made.entries()));
		RecipeFile.write(output, CalibratedDegradation.NAME, c.parameters(b == null ? 0 : b.sigma),
			extra);
		log.log("calibrated " + name + ": " + c);
		for (final String warning : c.warnings)
			log.log("warning: " + warning);
		return c;
	}
}
