package org.pssr.app;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pssr.crappify.Degradation;
import org.pssr.crappify.Degradations;
import org.pssr.crappify.PoissonDegradation;
import org.pssr.crappify.SourceMovie;
import org.pssr.crappify.TwinCrappifier;
import org.pssr.crappify.TwinDatasetWriter;
import org.pssr.crappify.TwinOptions;
import org.pssr.train.SettingText;

/**
 * How twins are drawn from HR movies: what {@code crappify} stores and {@code train --movies} draws
 * on the fly, so both take the same settings from the CLI and from Fiji. Never changed once built;
 * {@link #DEFAULTS} is the one home of every default: the CLI's options, Fiji's dialogs and the
 * study read theirs from it.
 */
public final class TwinDraw {

	/**
	 * Shot and read noise on the LR grid, as a low-dose acquisition has it: on real movies it trains
	 * the models that gain most over bicubic and over the best classical answer
	 * (docs/quality-recipes.md).
	 */
	public static final String DEFAULT_RECIPE = PoissonDegradation.NAME;

	/** More twins than this would be days of work per epoch on any machine; a typo, most likely. */
	public static final int MAX_SAMPLES = 10_000_000;

	/** Every setting at its default. */
	public static final TwinDraw DEFAULTS = builder().build();

	/**
	 * The settings a user names with one value, as the CLI's options do without their dashes: the
	 * keys of {@link #values()}, which {@link Builder#set} takes (the recipe's parameters are the
	 * recipe's).
	 */
	public static final Set<String> NAMES = Collections.unmodifiableSet(DEFAULTS.values().keySet());

	private final int scale;
	private final int frames;
	private final int tile;
	private final int samples;
	private final String recipe;
	private final Map<String, Double> parameters;
	private final int channel;
	private final double validation;
	private final double minSignal;
	private final boolean augment;
	private final boolean zAsTime;

	private TwinDraw(final Builder b) {
		scale = b.scale;
		frames = b.frames;
		tile = b.tile;
		samples = b.samples;
		recipe = b.recipe;
		parameters = Map.copyOf(b.parameters);
		channel = b.channel;
		validation = b.validation;
		minSignal = b.minSignal;
		augment = b.augment;
		zAsTime = b.zAsTime;
	}

	/** The defaults, to change before {@link Builder#build()}. */
	public static Builder builder() {
		return new Builder();
	}

	/** These settings, to change without changing these. */
	public Builder toBuilder() {
		return builder().scale(scale).frames(frames).tile(tile).samples(samples).recipe(recipe)
			.parameters(parameters).channel(channel).validation(validation).minSignal(minSignal).augment(
				augment).zAsTime(zAsTime);
	}

	/** The named settings ({@link #NAMES}) as text, as the CLI would take them. */
	public Map<String, String> values() {
		final Map<String, String> m = new LinkedHashMap<>();
		m.put("scale", Integer.toString(scale));
		m.put("frames", Integer.toString(frames));
		m.put("tile", Integer.toString(tile));
		m.put("samples", Integer.toString(samples));
		m.put("recipe", recipe);
		m.put("channel", Integer.toString(channel));
		m.put("validation", Double.toString(validation));
		m.put("min-signal", Double.toString(minSignal));
		m.put("augment", Boolean.toString(augment));
		m.put("z-as-time", Boolean.toString(zAsTime));
		return m;
	}

	/** 2, 4 or 8. */
	public int scale() {
		return scale;
	}

	/** Frames per tuple: 1, 3 or 5. */
	public int frames() {
		return frames;
	}

	/** HR tile edge in pixels. */
	public int tile() {
		return tile;
	}

	/** Twin samples in all, training plus validation. */
	public int samples() {
		return samples;
	}

	/** A recipe's key or a recipe file. */
	public String recipe() {
		return recipe;
	}

	public Map<String, Double> parameters() {
		return parameters;
	}

	/** 1-based. */
	public int channel() {
		return channel;
	}

	/** Fraction of frames (the last of each movie) and of samples held out. */
	public double validation() {
		return validation;
	}

	/** Tiles whose normalised HR mean is below are drawn again. */
	public double minSignal() {
		return minSignal;
	}

	/** Random flips and 90° rotations. */
	public boolean augment() {
		return augment;
	}

	/** The slices of a Z-stack taken as the sequence. */
	public boolean zAsTime() {
		return zAsTime;
	}

	public Degradation degradation() {
		return Degradations.create(recipe, scale, parameters);
	}

	public TwinCrappifier crappifier(final List<SourceMovie> sources, final long seed) {
		return new TwinCrappifier(sources, degradation(), new TwinOptions().frames(frames).tile(tile)
			.seed(seed).minSignal(minSignal).augment(augment).validation(validation));
	}

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

	/**
	 * Takes any value: {@link #validationCount()} checks them together, before any movie is read, as
	 * some bounds depend on each other (the recipe's on the scale, the split on the samples).
	 */
	public static final class Builder {

		private int scale = 4;
		private int frames = 3;
		private int tile = 128;
		private int samples = 1000;
		private String recipe = DEFAULT_RECIPE;
		private Map<String, Double> parameters = Map.of();
		private int channel = 1;
		private double validation = 0.1;
		private double minSignal = 0.05;
		private boolean augment = true;
		private boolean zAsTime;

		private Builder() {}

		public Builder scale(final int v) {
			scale = v;
			return this;
		}

		public Builder frames(final int v) {
			frames = v;
			return this;
		}

		public Builder tile(final int v) {
			tile = v;
			return this;
		}

		public Builder samples(final int v) {
			samples = v;
			return this;
		}

		public Builder recipe(final String v) {
			recipe = v;
			return this;
		}

		/** None: the recipe's defaults. */
		public Builder parameters(final Map<String, Double> v) {
			parameters = v == null ? Map.of() : v;
			return this;
		}

		public Builder channel(final int v) {
			channel = v;
			return this;
		}

		public Builder validation(final double v) {
			validation = v;
			return this;
		}

		public Builder minSignal(final double v) {
			minSignal = v;
			return this;
		}

		public Builder augment(final boolean v) {
			augment = v;
			return this;
		}

		public Builder zAsTime(final boolean v) {
			zAsTime = v;
			return this;
		}

		/**
		 * One named setting ({@link #NAMES}) from text.
		 *
		 * @throws IllegalArgumentException naming the setting, for a name not in {@link #NAMES} or a
		 *           value of the wrong type
		 */
		public Builder set(final String name, final String text) {
			switch (name) {
				case "scale": return scale(SettingText.whole(name, text));
				case "frames": return frames(SettingText.whole(name, text));
				case "tile": return tile(SettingText.whole(name, text));
				case "samples": return samples(SettingText.whole(name, text));
				case "recipe": return recipe(text);
				case "channel": return channel(SettingText.whole(name, text));
				case "validation": return validation(SettingText.real(name, text));
				case "min-signal": return minSignal(SettingText.real(name, text));
				case "augment": return augment(SettingText.bool(name, text));
				case "z-as-time": return zAsTime(SettingText.bool(name, text));
				default: throw new IllegalArgumentException("twin drawing has no setting '" + name + "'");
			}
		}

		public TwinDraw build() {
			return new TwinDraw(this);
		}
	}
}
