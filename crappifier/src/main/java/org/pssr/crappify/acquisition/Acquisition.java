package org.pssr.crappify.acquisition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.JsonObject;

/**
 * How a camera on a lower-resolution microscope would have recorded a high-resolution movie: what
 * {@link SimulatedAcquisition} makes of it. Not a recipe: a recipe is what pssr trains with and can
 * be wrong about the microscope; this is the microscope itself, for measuring how well the whole
 * flow (calibration, training, super-resolution) does on data it did not make. Every value is
 * checked against its {@link Parameter}'s range.
 */
public final class Acquisition {

	/** A setting: its name (a CLI option without dashes), default, range, unit and meaning. */
	public static final class Parameter {

		public final String name;
		public final double defaultValue;
		public final double min;
		public final double max;
		public final String unit;
		public final String description;

		Parameter(final String name, final double defaultValue, final double min, final double max,
			final String unit, final String description)
		{
			this.name = name;
			this.defaultValue = defaultValue;
			this.min = min;
			this.max = max;
			this.unit = unit;
			this.description = description;
		}

		double check(final double value) {
			if (!(value >= min && value <= max)) throw new IllegalArgumentException(String.format(
				Locale.ROOT, "acquisition setting %s must be from %s to %s %s, not %s", name, plain(min),
				plain(max), unit, plain(value)));
			return value;
		}
	}

	public static final Parameter SCALE = new Parameter("scale", 4, 2, 8, "x",
		"downsampling factor: an LR pixel integrates scale x scale HR pixels (2, 4 or 8)");
	public static final Parameter PSF = new Parameter("psf", 2, 0, 32, "HR px",
		"blur of the LR microscope's optics beyond the HR movie's own, a Gaussian's sigma");
	public static final Parameter PHOTONS = new Parameter("photons", 50, 0.01, 1e6, "photons",
		"photons an LR pixel collects where the HR movie is at its upper percentile (99.9 %)");
	public static final Parameter BACKGROUND = new Parameter("background", 0, 0, 1e6, "photons",
		"photons every LR pixel collects besides the sample's (autofluorescence, stray light)");
	public static final Parameter GAIN = new Parameter("gain", 2, 0.01, 1000, "ADU/photon",
		"the camera's gain: grey levels per photon");
	public static final Parameter OFFSET = new Parameter("offset", 100, 0, 60000, "ADU",
		"the camera's offset: the grey level of no light");
	public static final Parameter READ_NOISE = new Parameter("readnoise", 2, 0, 1000, "ADU",
		"the camera's read noise, standard deviation");
	public static final Parameter BLEACHING = new Parameter("bleaching", 0, 0, 0.5, "per frame",
		"fraction of the signal lost from one frame to the next");
	public static final Parameter DRIFT = new Parameter("drift", 0, 0, 16, "HR px/frame",
		"the sample's drift between frames, along a fixed direction");

	/** Every setting, in the order they are recorded. */
	public static final List<Parameter> PARAMETERS = List.of(SCALE, PSF, PHOTONS, BACKGROUND, GAIN,
		OFFSET, READ_NOISE, BLEACHING, DRIFT);

	/** Grey levels a 16-bit camera can record. */
	public static final int MAX_COUNT = 65535;

	private final Map<String, Double> values;

	private Acquisition(final Map<String, Double> values) {
		this.values = Collections.unmodifiableMap(values);
	}

	/** Every setting at its default. */
	public static Acquisition defaults() {
		return of(Map.of());
	}

	/**
	 * @param settings values by {@link Parameter#name}; the others keep their defaults
	 * @throws IllegalArgumentException for an unknown name or a value out of range
	 */
	public static Acquisition of(final Map<String, Double> settings) {
		final Map<String, Double> all = new LinkedHashMap<>();
		for (final Parameter p : PARAMETERS)
			all.put(p.name, p.check(settings.getOrDefault(p.name, p.defaultValue)));
		for (final String name : settings.keySet())
			if (!all.containsKey(name)) throw new IllegalArgumentException("no acquisition setting '" +
				name + "'; there are " + String.join(", ", all.keySet()));
		final double scale = all.get(SCALE.name);
		if (scale != 2 && scale != 4 && scale != 8) throw new IllegalArgumentException(
			"acquisition setting scale must be 2, 4 or 8, not " + plain(scale));
		return new Acquisition(all);
	}

	/** These settings with {@code name} set to {@code value}. */
	public Acquisition with(final String name, final double value) {
		final Map<String, Double> changed = new LinkedHashMap<>(values);
		changed.put(name, value);
		return of(changed);
	}

	public double get(final Parameter p) {
		return values.get(p.name);
	}

	public int scale() {
		return (int) get(SCALE);
	}

	/** Every setting by name, in {@link #PARAMETERS}' order. */
	public Map<String, Double> values() {
		return values;
	}

	/**
	 * The variance of a recorded grey level whose expected value is {@code counts}: shot noise,
	 * read noise and the rounding to whole grey levels (clipping at the camera's range aside).
	 */
	public double variance(final double counts) {
		return get(GAIN) * Math.max(0, counts - get(OFFSET)) + get(READ_NOISE) * get(READ_NOISE) + 1 /
			12.0;
	}

	/** The expected grey level of an LR pixel whose normalised HR intensity averages {@code value}. */
	public double counts(final double value) {
		return get(OFFSET) + get(GAIN) * (get(BACKGROUND) + get(PHOTONS) * value);
	}

	public JsonObject toJson() {
		final JsonObject o = new JsonObject();
		values.forEach(o::addProperty);
		return o;
	}

	@Override
	public String toString() {
		final StringBuilder s = new StringBuilder();
		values.forEach((k, v) -> s.append(s.length() == 0 ? "" : " ").append(k).append('=').append(
			plain(v)));
		return s.toString();
	}

	static String plain(final double v) {
		return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
	}
}
