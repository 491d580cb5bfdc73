package org.pssr.train.infer;

import org.pssr.crappify.Mirror;
import org.pssr.train.Engines;
import org.pssr.train.SuperResolutionModel;

/**
 * Runs a model over a whole frame window in overlapping tiles and blends them without seams.
 * <p>
 * Each tile's output is weighted by a separable window that is zero in a margin along every edge
 * it shares with a neighbour (where the network saw no context), then rises as a raised cosine
 * across the rest of the overlap; the frame is the weighted sum divided by the summed weights. For
 * a model whose output depends only on inputs within the margin, a tiled frame therefore equals an
 * untiled one. When the device runs out of memory the tile is halved and the frame tried again.
 */
public final class TiledPredictor {

	private final SuperResolutionModel model;
	private final int alignment;
	private int tile;

	/**
	 * @param tile LR tile side to try first, in pixels
	 * @param alignment tiles are mirror-padded to a multiple of this (a U-Net's total downsampling)
	 */
	public TiledPredictor(final SuperResolutionModel model, final int tile, final int alignment) {
		if (tile < TileSizes.MIN) throw new IllegalArgumentException("tile size " + tile +
			" is below the minimum of " + TileSizes.MIN + " pixels");
		this.model = model;
		this.tile = tile;
		this.alignment = Math.max(1, alignment);
	}

	/** A U-Net of depth 4 needs sides divisible by 16. */
	public TiledPredictor(final SuperResolutionModel model, final int tile) {
		this(model, tile, 16);
	}

	/** The tile size now in use; smaller than the first one after an out-of-memory back-off. */
	public int tile() {
		return tile;
	}

	/**
	 * @param window {@code model.frames() x height x width}, row-major, normalised
	 * @return {@code (height * scale) x (width * scale)}, normalised
	 */
	public float[] predict(final float[] window, final int height, final int width) {
		while (true) {
			try {
				return predictTiled(window, height, width, tile);
			}
			catch (final RuntimeException | OutOfMemoryError e) {
				if (!Engines.isOutOfMemory(e) || tile / 2 < TileSizes.MIN) throw e;
				tile /= 2;
			}
		}
	}

	private float[] predictTiled(final float[] window, final int height, final int width,
		final int side)
	{
		final int s = model.scale();
		final int overlap = Math.min(64, side / 2);
		final int margin = overlap / 4;
		final Axis xs = new Axis(width, side, overlap);
		final Axis ys = new Axis(height, side, overlap);
		final int hrWidth = width * s;
		final float[] sum = new float[height * s * hrWidth];
		// The tiles form a full grid and each weight is a product of a row and a column weight, so
		// the summed weight of a pixel is the product of its row's and its column's sums: two lines
		// instead of a second whole HR frame.
		final float[] rowWeights = ys.summedWeights(s, margin);
		final float[] columnWeights = xs.summedWeights(s, margin);
		for (int ty = 0; ty < ys.count; ty++) {
			final int y0 = ys.start(ty);
			final float[] wy = ys.weights(ty, s, margin);
			for (int tx = 0; tx < xs.count; tx++) {
				final int x0 = xs.start(tx);
				final float[] wx = xs.weights(tx, s, margin);
				final float[] out = predictTile(window, height, width, x0, y0, xs.size, ys.size);
				final int tw = xs.size * s;
				for (int y = 0; y < ys.size * s; y++) {
					final int row = (y0 * s + y) * hrWidth + x0 * s;
					for (int x = 0; x < tw; x++)
						sum[row + x] += wy[y] * wx[x] * out[y * tw + x];
				}
			}
		}
		for (int y = 0; y < rowWeights.length; y++) {
			final int row = y * hrWidth;
			for (int x = 0; x < hrWidth; x++)
				sum[row + x] /= rowWeights[y] * columnWeights[x];
		}
		return sum;
	}

	/** The model's output for one tile, cropped back from its aligned, mirror-padded size. */
	private float[] predictTile(final float[] window, final int height, final int width,
		final int x0, final int y0, final int tw, final int th)
	{
		final int pw = align(tw);
		final int ph = align(th);
		final int frames = model.frames();
		final float[] input = new float[frames * ph * pw];
		for (int f = 0; f < frames; f++) {
			for (int y = 0; y < ph; y++) {
				final int src = (f * height + y0 + Mirror.index(y, th)) * width + x0;
				final int dst = (f * ph + y) * pw;
				for (int x = 0; x < pw; x++)
					input[dst + x] = window[src + Mirror.index(x, tw)];
			}
		}
		final float[] out = model.predict(input, 1, ph, pw);
		if (pw == tw && ph == th) return out;
		final int s = model.scale();
		final float[] cropped = new float[th * s * tw * s];
		for (int y = 0; y < th * s; y++)
			System.arraycopy(out, y * pw * s, cropped, y * tw * s, tw * s);
		return cropped;
	}

	private int align(final int size) {
		return (size + alignment - 1) / alignment * alignment;
	}

	/** Tile placement along one axis: evenly spread, equal sizes, overlapping by {@code overlap} or more. */
	private static final class Axis {

		final int length;
		final int size;
		final int count;

		Axis(final int length, final int side, final int overlap) {
			this.length = length;
			this.size = Math.min(side, length);
			this.count = size == length ? 1 : (int) Math.ceil((length - overlap) / (double) (size -
				overlap));
		}

		int start(final int i) {
			return count == 1 ? 0 : (int) Math.round(i * (length - size) / (double) (count - 1));
		}

		/** HR weights along this axis for tile {@code i}: 1 at the image border, ramps to neighbours. */
		float[] weights(final int i, final int scale, final int margin) {
			final int n = size * scale;
			final float[] w = new float[n];
			final int previousEnd = i == 0 ? 0 : start(i - 1) + size;
			final int nextStart = i == count - 1 ? length : start(i + 1);
			final int leftOverlap = (previousEnd - start(i)) * scale;
			final int rightOverlap = (start(i) + size - nextStart) * scale;
			for (int x = 0; x < n; x++)
				w[x] = ramp(x, leftOverlap, margin * scale) * ramp(n - 1 - x, rightOverlap, margin *
					scale);
			return w;
		}

		/** The weights of every tile along this axis, summed at each HR position. */
		float[] summedWeights(final int scale, final int margin) {
			final float[] total = new float[length * scale];
			for (int i = 0; i < count; i++) {
				final float[] w = weights(i, scale, margin);
				final int offset = start(i) * scale;
				for (int x = 0; x < w.length; x++)
					total[offset + x] += w[x];
			}
			return total;
		}

		/** Weight at distance {@code d} from an edge shared over {@code overlap} pixels. */
		private static float ramp(final int d, final int overlap, final int margin) {
			if (overlap <= 0) return 1;
			final int rise = overlap - 2 * margin;
			if (d < margin) return 0;
			if (d >= margin + rise) return 1;
			final double phase = Math.PI / 2 * (d - margin + 0.5) / rise;
			final double sin = Math.sin(phase);
			return (float) (sin * sin);
		}
	}
}
