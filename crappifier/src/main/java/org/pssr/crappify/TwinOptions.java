package org.pssr.crappify;

import java.util.List;

/**
 * How twins are drawn, apart from the recipe: tuple length, HR tile size, seed, tile rejection,
 * augmentation and the validation hold-out. Defaults suit the small test movies; PSSR used 512 px
 * tiles.
 */
public final class TwinOptions {

	/** HR tiles larger than this would not fit a GPU batch; PSSR itself trains on 512. */
	public static final int MAX_TILE = 4096;

	/** The tuple lengths a model may see: the one list of the CLI's check and Fiji's choices. */
	public static final List<Integer> FRAMES = List.of(1, 3, 5);

	private int frames = 3;
	private int tile = 128;
	private long seed = 1;
	private double minSignal = 0.05;
	private int maxTries = 200;
	private boolean augment = true;
	private double validation = 0.1;

	/** Odd tuple length: 1, 3 or 5 frames centred on the target frame. */
	public TwinOptions frames(final int value) {
		if (!FRAMES.contains(value)) {
			throw new IllegalArgumentException("frames must be 1, 3 or 5, not " + value);
		}
		frames = value;
		return this;
	}

	/** HR tile edge in pixels; a multiple of the scale. */
	public TwinOptions tile(final int value) {
		if (value < 8 || value > MAX_TILE) throw new IllegalArgumentException("tile must be 8 to " +
			MAX_TILE + " px, not " + value);
		tile = value;
		return this;
	}

	public TwinOptions seed(final long value) {
		seed = value;
		return this;
	}

	/**
	 * Tiles whose HR target has a mean below this (normalised units) are drawn again, so training
	 * does not waste its time on empty background. 0 accepts every tile.
	 */
	public TwinOptions minSignal(final double value) {
		if (!(Double.isFinite(value) && value < 1)) throw new IllegalArgumentException(
			"min signal must be a number below 1, not " + value);
		minSignal = value;
		return this;
	}

	/** Draws per sample before giving up with an error that names the threshold. */
	public TwinOptions maxTries(final int value) {
		if (value < 1) throw new IllegalArgumentException("max tries must be >= 1: " + value);
		maxTries = value;
		return this;
	}

	/** Random flips and 90° rotations (the same for the whole tuple and the target). */
	public TwinOptions augment(final boolean value) {
		augment = value;
		return this;
	}

	/** Fraction of each movie's frames (its last ones) held out for validation; 0 for none. */
	public TwinOptions validation(final double value) {
		if (!(value >= 0 && value < 1)) {
			throw new IllegalArgumentException("validation must be in [0, 1): " + value);
		}
		validation = value;
		return this;
	}

	public TwinOptions copy() {
		return new TwinOptions().frames(frames).tile(tile).seed(seed).minSignal(minSignal).maxTries(
			maxTries).augment(augment).validation(validation);
	}

	public int frames() {
		return frames;
	}

	public int tile() {
		return tile;
	}

	public long seed() {
		return seed;
	}

	public double minSignal() {
		return minSignal;
	}

	public int maxTries() {
		return maxTries;
	}

	public boolean augment() {
		return augment;
	}

	public double validation() {
		return validation;
	}
}
