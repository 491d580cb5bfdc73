package org.pssr.train;

import java.util.Optional;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;

import org.pssr.crappify.TwinSample;
import org.pssr.crappify.TwinSource;
import org.pssr.crappify.Degradation;

/**
 * Twin samples from a movie file for tests: HR tiles of three frames, block-average downsampled and
 * given Gaussian noise drawn from (epoch, index, twin), normalised by the movie's 0.1-99.9 %
 * percentiles.
 */
public final class MovieTwins implements TwinSource {

	private final float[][] frames;
	private final int width;
	private final int tile;
	private final int scale;
	private final int[][] positions;
	private final double noise;
	private final String origin;

	/** @param frameRange first and last (exclusive) centre frame used */
	public MovieTwins(final Path file, final int tile, final int scale, final int count,
		final int firstCentre, final int lastCentre, final double noise)
	{
		final ImagePlus imp = IJ.openImage(file.toString());
		if (imp == null) throw new IllegalStateException("cannot open " + file);
		final ImageStack stack = imp.getStack();
		width = imp.getWidth();
		final int height = imp.getHeight();
		frames = new float[stack.getSize()][];
		for (int t = 0; t < frames.length; t++) {
			frames[t] = (float[]) stack.getProcessor(t + 1).convertToFloat().getPixels();
		}
		final float[] all = new float[frames.length * frames[0].length];
		for (int t = 0; t < frames.length; t++) {
			System.arraycopy(frames[t], 0, all, t * frames[0].length, frames[0].length);
		}
		Arrays.sort(all);
		final float lo = all[(int) (all.length * 0.001)];
		final float hi = all[(int) (all.length * 0.999)];
		for (final float[] f : frames) {
			for (int i = 0; i < f.length; i++) {
				f[i] = (f[i] - lo) / (hi - lo);
			}
		}
		this.tile = tile;
		this.scale = scale;
		this.noise = noise;
		this.origin = file.getFileName() + " centres " + firstCentre + ".." + lastCentre + ", " + count +
			" tiles of " + tile;
		final SplittableRandom r = new SplittableRandom(7);
		positions = new int[count][];
		for (int i = 0; i < count; i++) {
			positions[i] = new int[] { firstCentre + r.nextInt(lastCentre - firstCentre), r.nextInt(width -
				tile + 1), r.nextInt(height - tile + 1) };
		}
	}

	@Override
	public int size() {
		return positions.length;
	}

	@Override
	public TwinSample get(final long epoch, final int index) {
		final int[] p = positions[index];
		final float[] target = new float[tile * tile];
		for (int y = 0; y < tile; y++) {
			System.arraycopy(frames[p[0]], (p[2] + y) * width + p[1], target, y * tile, tile);
		}
		return new TwinSample(degrade(p, epoch, index, 1), degrade(p, epoch, index, 2), target, 3, tile /
			scale, tile / scale, scale);
	}

	private float[] degrade(final int[] p, final long epoch, final int index, final int twin) {
		final int lr = tile / scale;
		final float[] x = new float[3 * lr * lr];
		final SplittableRandom r = new SplittableRandom(epoch * 1_000_003L + index * 31L + twin);
		for (int c = 0; c < 3; c++) {
			final float[] f = frames[p[0] - 1 + c];
			for (int y = 0; y < lr; y++) {
				for (int xx = 0; xx < lr; xx++) {
					double s = 0;
					for (int dy = 0; dy < scale; dy++) {
						for (int dx = 0; dx < scale; dx++) {
							s += f[(p[2] + y * scale + dy) * width + p[1] + xx * scale + dx];
						}
					}
					x[(c * lr + y) * lr + xx] = (float) (s / (scale * scale) + noise * gaussian(r));
				}
			}
		}
		return x;
	}

	private static double gaussian(final SplittableRandom r) {
		return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
	}

	@Override
	public int frames() {
		return 3;
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
		return "test: " + origin + ", block average x" + scale + " + Gaussian noise sigma " + noise;
	}
}
