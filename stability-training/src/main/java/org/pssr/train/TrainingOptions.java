package org.pssr.train;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a training run is asked to do, never changed once built; defaults follow PSSR where the CPU
 * allows. {@link #DEFAULTS} is the one home of every default: the CLI's options, Fiji's dialogs
 * and the study read theirs from it.
 */
public final class TrainingOptions {

	/**
	 * The weight of L1(Y1, Y2): a quarter of the twin terms kept the flicker as low as weight 1 did
	 * on real movies and gained more over bicubic; weight 4 lost to it (the study of 2026-12-02:
	 * git show fa70da8:docs/quality.md).
	 */
	public static final double DEFAULT_STABILITY = 0.25;

	/** Every setting at its default. */
	public static final TrainingOptions DEFAULTS = builder().build();

	/**
	 * The settings a user names, as the CLI's options do without their dashes: the keys of
	 * {@link #values()}, which {@link Builder#set} takes.
	 */
	public static final Set<String> NAMES = Collections.unmodifiableSet(DEFAULTS.values().keySet());

	private final String preset;
	private final int epochs;
	private final int batch;
	private final double learningRate;
	private final double weightDecay;
	private final double stability;
	private final long seed;
	private final String device;
	private final int progressEvery;
	private final Path checkpoints;
	private final Path resume;

	private TrainingOptions(final Builder b) {
		preset = b.preset;
		epochs = b.epochs;
		batch = b.batch;
		learningRate = b.learningRate;
		weightDecay = b.weightDecay;
		stability = b.stability;
		seed = b.seed;
		device = b.device;
		progressEvery = b.progressEvery;
		checkpoints = b.checkpoints;
		resume = b.resume;
	}

	/** The defaults, to change before {@link Builder#build()}. */
	public static Builder builder() {
		return new Builder();
	}

	/** These settings, to change without changing these. */
	public Builder toBuilder() {
		return builder().preset(preset).epochs(epochs).batch(batch).learningRate(learningRate)
			.weightDecay(weightDecay).stability(stability).seed(seed).device(device).progressEvery(
				progressEvery).checkpoints(checkpoints).resume(resume);
	}

	/** The named settings ({@link #NAMES}) as text, as the CLI would take them. */
	public Map<String, String> values() {
		final Map<String, String> m = new LinkedHashMap<>();
		m.put("preset", preset);
		m.put("epochs", Integer.toString(epochs));
		m.put("batch", Integer.toString(batch));
		m.put("lr", Double.toString(learningRate));
		m.put("wd", Double.toString(weightDecay));
		m.put("stability", Double.toString(stability));
		m.put("seed", Long.toString(seed));
		m.put("device", device);
		m.put("progress-every", Integer.toString(progressEvery));
		return m;
	}

	public String preset() {
		return preset;
	}

	public int epochs() {
		return epochs;
	}

	public int batch() {
		return batch;
	}

	public double learningRate() {
		return learningRate;
	}

	public double weightDecay() {
		return weightDecay;
	}

	public double stability() {
		return stability;
	}

	public long seed() {
		return seed;
	}

	public String device() {
		return device;
	}

	public int progressEvery() {
		return progressEvery;
	}

	/** Folder for {@code last.ckpt} and {@code best.ckpt}; none: a temporary folder. */
	public Path checkpoints() {
		return checkpoints;
	}

	/** A {@code last.ckpt} to continue from, with the schedule and random state it recorded. */
	public Path resume() {
		return resume;
	}

	/** Checks every value as it is given, so a refusal names the setting at fault. */
	public static final class Builder {

		private String preset = "small";
		private int epochs = 10;
		private int batch = 8;
		private double learningRate = 1e-3;
		private double weightDecay = 1e-3;
		private double stability = DEFAULT_STABILITY;
		private long seed = 42;
		private String device = "auto";
		private int progressEvery = 20;
		private Path checkpoints;
		private Path resume;

		private Builder() {}

		public Builder preset(final String v) {
			Networks.factory(v);
			preset = v;
			return this;
		}

		public Builder epochs(final int v) {
			if (v < 1 || v > 100_000) throw new IllegalArgumentException(
				"epochs must be 1 to 100000, not " + v);
			epochs = v;
			return this;
		}

		public Builder batch(final int v) {
			if (v < 1 || v > 4096) throw new IllegalArgumentException("batch must be 1 to 4096, not " + v);
			batch = v;
			return this;
		}

		/** Peak learning rate, in (0, 1]: Adam's steps are about this large, so more cannot converge. */
		public Builder learningRate(final double v) {
			if (!(v > 0 && v <= 1)) throw new IllegalArgumentException(
				"learning rate must be in (0, 1], not " + v);
			learningRate = v;
			return this;
		}

		public Builder weightDecay(final double v) {
			if (!(v >= 0 && v < 1)) throw new IllegalArgumentException(
				"weight decay must be in [0, 1), not " + v);
			weightDecay = v;
			return this;
		}

		public Builder stability(final double v) {
			new StabilityLoss(v);
			stability = v;
			return this;
		}

		public Builder seed(final long v) {
			seed = v;
			return this;
		}

		/** {@code auto}, {@code cpu} or {@code gpu}; checked when training starts. */
		public Builder device(final String v) {
			device = Engines.deviceChoice(v);
			return this;
		}

		/** Progress reports every this many steps. */
		public Builder progressEvery(final int v) {
			if (v < 1 || v > 1_000_000) throw new IllegalArgumentException(
				"progress interval must be >= 1, not " + v);
			progressEvery = v;
			return this;
		}

		public Builder checkpoints(final Path v) {
			checkpoints = v;
			return this;
		}

		public Builder resume(final Path v) {
			resume = v;
			return this;
		}

		/**
		 * One named setting ({@link #NAMES}) from text.
		 *
		 * @throws IllegalArgumentException naming the setting, for a name not in {@link #NAMES} or a
		 *           value it does not take
		 */
		public Builder set(final String name, final String text) {
			switch (name) {
				case "preset": return preset(text);
				case "epochs": return epochs(SettingText.whole(name, text));
				case "batch": return batch(SettingText.whole(name, text));
				case "lr": return learningRate(SettingText.real(name, text));
				case "wd": return weightDecay(SettingText.real(name, text));
				case "stability": return stability(SettingText.real(name, text));
				case "seed": return seed(SettingText.wholeLong(name, text));
				case "device": return device(text);
				case "progress-every": return progressEvery(SettingText.whole(name, text));
				default: throw new IllegalArgumentException("training has no setting '" + name + "'");
			}
		}

		public TrainingOptions build() {
			return new TrainingOptions(this);
		}
	}
}
