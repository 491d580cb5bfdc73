package org.pssr.train;

import java.util.Locale;

/**
 * Where a training run stands after a step. A value: final public fields, as a record would have
 * (the build targets Java 11).
 */
public final class StepProgress {

	/** 1-based. */
	public final int epoch;
	public final int epochs;
	public final long step;
	/** Mean training loss since the last report. */
	public final double loss;
	/** Twin samples per second since the last report. */
	public final double samplesPerSecond;
	public final double etaSeconds;

	StepProgress(final int epoch, final int epochs, final long step, final double loss,
		final double samplesPerSecond, final double etaSeconds)
	{
		this.epoch = epoch;
		this.epochs = epochs;
		this.step = step;
		this.loss = loss;
		this.samplesPerSecond = samplesPerSecond;
		this.etaSeconds = etaSeconds;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "epoch %d/%d step %d: loss %.4f, %.1f samples/s, ETA %s", epoch,
			epochs, step, loss, samplesPerSecond, duration(etaSeconds));
	}

	/** {@code 2h05m}, {@code 3m07s}. */
	public static String duration(final double seconds) {
		final long s = Math.round(seconds);
		return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60) : String.format(
			Locale.ROOT, "%dm%02ds", s / 60, s % 60);
	}
}
