package org.pssr.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pssr.crappify.Degradation;
import org.pssr.crappify.Degradations;
import org.pssr.crappify.PoissonDegradation;
import org.pssr.crappify.SourceMovie;
import org.pssr.crappify.TwinCrappifier;
import org.pssr.crappify.TwinDatasetWriter;
import org.pssr.crappify.TwinOptions;

/**
 * How twins are drawn from HR movies: what {@code crappify} stores and {@code train --movies} draws
 * on the fly, so both take the same settings from the CLI and from Fiji. Fields hold the defaults.
 */
public final class TwinDraw {

	/**
	 * Shot and read noise on the LR grid, as a low-dose acquisition has it: on real movies it trains
	 * the models that gain most over bicubic and over the best classical answer
	 * (docs/quality-recipes.md).
	 */
	public static final String DEFAULT_RECIPE = PoissonDegradation.NAME;

	/** 2, 4 or 8. */
	public int scale = 4;
	/** Frames per tuple: 1, 3 or 5. */
	public int frames = 3;
	/** HR tile edge in pixels. */
	public int tile = 128;
	/** Twin samples in all, training plus validation. */
	public int samples = 1000;
	public String recipe = DEFAULT_RECIPE;
	public Map<String, Double> parameters = Map.of();
	/** 1-based. */
	public int channel = 1;
	/** Fraction of frames (the last of each movie) and of samples held out. */
	public double validation = 0.1;
	/** Tiles whose normalised HR mean is below are drawn again. */
	public double minSignal = 0.05;
	/** Random flips and 90° rotations. */
	public boolean augment = true;
	/** The slices of a Z-stack taken as the sequence. */
	public boolean zAsTime;

	/** The same settings, to change without changing these. */
	public TwinDraw copy() {
		final TwinDraw d = new TwinDraw();
		d.scale = scale;
		d.frames = frames;
		d.tile = tile;
		d.samples = samples;
		d.recipe = recipe;
		d.parameters = parameters;
		d.channel = channel;
		d.validation = validation;
		d.minSignal = minSignal;
		d.augment = augment;
		d.zAsTime = zAsTime;
		return d;
	}

	public Degradation degradation() {
		return Degradations.create(recipe, scale, parameters);
	}

	public TwinCrappifier crappifier(final List<SourceMovie> sources, final long seed) {
		return new TwinCrappifier(sources, degradation(), new TwinOptions().frames(frames).tile(tile)
			.seed(seed).minSignal(minSignal).augment(augment).validation(validation));
	}

	/** More twins than this would be days of work per epoch on any machine; a typo, most likely. */
	public static final int MAX_SAMPLES = 10_000_000;

	/**
	 * Validation samples out of {@link #samples}; refuses settings out of bounds and a split that
	 * leaves a side empty, before any movie is read.
	 */
	public int validationCount() {
		if (samples < 1 || samples > MAX_SAMPLES) throw new IllegalArgumentException(
			"samples must be 1 to " + MAX_SAMPLES + ", not " + samples);
		if (channel < 1) throw new IllegalArgumentException("channel must be 1 or more, not " + channel);
		if (!(validation >= 0 && validation <= 0.9)) throw new IllegalArgumentException(
			"validation must be a fraction from 0 to 0.9, not " + validation);
		new TwinOptions().frames(frames).tile(tile).minSignal(minSignal);
		Degradations.create(recipe, scale, parameters);
		final int valid = TwinDatasetWriter.validationCount(samples, validation);
		if (validation > 0 && valid == 0) throw new IllegalArgumentException(
			"samples must be at least 2 to hold out validation samples (or validation 0)");
		return valid;
	}

	/**
	 * Recipe parameters written as Fiji and macros give them: {@code NAME=VALUE} pairs separated by
	 * spaces or commas, e.g. {@code "sigma=1.5 salt=0.01"}.
	 */
	public static Map<String, Double> parameters(final String text) {
		final Map<String, Double> map = new LinkedHashMap<>();
		for (final String pair : text.trim().split("[\\s,]+")) {
			if (pair.isEmpty()) continue;
			final int eq = pair.indexOf('=');
			if (eq < 1) throw new IllegalArgumentException("recipe parameter '" + pair +
				"' is not NAME=VALUE");
			try {
				map.put(pair.substring(0, eq), Double.parseDouble(pair.substring(eq + 1)));
			}
			catch (final NumberFormatException e) {
				throw new IllegalArgumentException("recipe parameter '" + pair + "' has no number after '='");
			}
		}
		return map;
	}
}
