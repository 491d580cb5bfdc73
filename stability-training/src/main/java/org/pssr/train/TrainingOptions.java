package org.pssr.train;

import java.nio.file.Path;

/** What a training run is asked to do; defaults follow PSSR where the CPU allows. */
public final class TrainingOptions {

	/**
	 * The weight of L1(Y1, Y2): a quarter of the twin terms kept the flicker as low as weight 1 did
	 * on real movies and gained more over bicubic; weight 4 lost to it (the study of 2026-12-02:
	 * git show fa70da8:docs/quality.md).
	 */
	public static final double DEFAULT_STABILITY = 0.25;

	private String preset = "small";
	private int epochs = 10;
	private int batch = 8;
	private double learningRate = 1e-3;
	private double weightDecay = 1e-3;
	private double stability = DEFAULT_STABILITY;
	private long seed = 42;
	private String device = "auto";
	private int progressEvery = 10;
	private Path checkpoints;
	private Path resume;

	public TrainingOptions preset(final String v) {
		Networks.factory(v);
		preset = v;
		return this;
	}

	public TrainingOptions epochs(final int v) {
		if (v < 1 || v > 100_000) throw new IllegalArgumentException("epochs must be 1 to 100000, not " +
			v);
		epochs = v;
		return this;
	}

	public TrainingOptions batch(final int v) {
		if (v < 1 || v > 4096) throw new IllegalArgumentException("batch must be 1 to 4096, not " + v);
		batch = v;
		return this;
	}

	/** Peak learning rate, in (0, 1]: Adam's steps are about this large, so more cannot converge. */
	public TrainingOptions learningRate(final double v) {
		if (!(v > 0 && v <= 1)) throw new IllegalArgumentException(
			"learning rate must be in (0, 1], not " + v);
		learningRate = v;
		return this;
	}

	public TrainingOptions weightDecay(final double v) {
		if (!(v >= 0 && v < 1)) throw new IllegalArgumentException("weight decay must be in [0, 1), not " +
			v);
		weightDecay = v;
		return this;
	}

	public TrainingOptions stability(final double v) {
		new StabilityLoss(v);
		stability = v;
		return this;
	}

	public TrainingOptions seed(final long v) {
		seed = v;
		return this;
	}

	/** {@code auto}, {@code cpu} or {@code gpu}; checked when training starts. */
	public TrainingOptions device(final String v) {
		device = Engines.deviceChoice(v);
		return this;
	}

	/** Progress reports every this many steps. */
	public TrainingOptions progressEvery(final int v) {
		if (v < 1 || v > 1_000_000) throw new IllegalArgumentException("progress interval must be >= 1, not " + v);
		progressEvery = v;
		return this;
	}

	/** Folder for {@code last.ckpt} and {@code best.ckpt}; none: a temporary folder. */
	public TrainingOptions checkpoints(final Path v) {
		checkpoints = v;
		return this;
	}

	/** A {@code last.ckpt} to continue from, with the schedule and random state it recorded. */
	public TrainingOptions resume(final Path v) {
		resume = v;
		return this;
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

	public Path checkpoints() {
		return checkpoints;
	}

	public Path resume() {
		return resume;
	}
}
