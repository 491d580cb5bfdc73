package org.pssr.bench;

import java.util.Optional;
import java.util.SplittableRandom;

import org.pssr.crappify.TwinSample;
import org.pssr.crappify.TwinSource;
import org.pssr.crappify.Degradation;

/**
 * Twin samples of uniform noise, made once and kept in memory: the network's cost does not depend on
 * the pixel values, and a source that costs nothing leaves only the training step in the timing.
 */
final class RandomTwins implements TwinSource {

	private final TwinSample[] samples;
	private final int frames;
	private final int scale;

	RandomTwins(final int count, final int frames, final int scale, final int hrTile, final long seed) {
		final int lr = hrTile / scale;
		final SplittableRandom r = new SplittableRandom(seed);
		samples = new TwinSample[count];
		for (int i = 0; i < count; i++) {
			samples[i] = new TwinSample(noise(r, frames * lr * lr), noise(r, frames * lr * lr), noise(r,
				hrTile * hrTile), frames, lr, lr, scale);
		}
		this.frames = frames;
		this.scale = scale;
	}

	private static float[] noise(final SplittableRandom r, final int n) {
		final float[] v = new float[n];
		for (int i = 0; i < n; i++) {
			v[i] = (float) r.nextDouble();
		}
		return v;
	}

	@Override
	public int size() {
		return samples.length;
	}

	@Override
	public TwinSample get(final long epoch, final int index) {
		return samples[index];
	}

	@Override
	public int frames() {
		return frames;
	}

	@Override
	public int scale() {
		return scale;
	}

	@Override
	public Optional<Degradation> recipe() {
		return Optional.empty();
	}

	@Override
	public String describe() {
		return "uniform noise (benchmark)";
	}
}
