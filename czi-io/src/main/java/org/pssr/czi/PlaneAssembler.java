package org.pssr.czi;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;

/**
 * A plane's canvas: decoded tiles are pasted row by row with bulk copies (colour is split into
 * planar R, G, B), then wrapped as an imglib2 image without a copy.
 */
final class PlaneAssembler {

	private final CziPixelType type;
	private final int width;
	private final int height;
	private final int area;
	private byte[] bytes;
	private short[] shorts;
	private float[] floats;

	PlaneAssembler(final CziPixelType type, final int width, final int height) {
		this.type = type;
		this.width = width;
		this.height = height;
		this.area = width * height;
		final int n = area * type.samples();
		switch (type.bytesPerSample()) {
			case 1: bytes = new byte[n]; break;
			case 2: shorts = new short[n]; break;
			default: floats = new float[n];
		}
	}

	/** Whether a plane of this size fits one Java array. */
	static boolean fits(final CziPixelType type, final long width, final long height) {
		return width <= CziInput.MAX_READ && height <= CziInput.MAX_READ &&
			width * height <= CziInput.MAX_READ / type.samples();
	}

	/**
	 * Pastes a decoded tile whose top-left pixel is at (x, y) of the canvas, clipped to the canvas.
	 *
	 * @param src stored layout, little-endian, {@code tileWidth * tileHeight} pixels from position 0
	 */
	void paste(final ByteBuffer src, final int tileWidth, final int tileHeight, final long x,
		final long y)
	{
		final Clip clip = new Clip(tileWidth, tileHeight, x, y);
		if (clip.empty()) return;
		final int n = clip.n;
		final int samples = type.samples();
		final ShortBuffer srcShorts = shorts == null ? null : src.asShortBuffer();
		final FloatBuffer srcFloats = floats == null ? null : src.asFloatBuffer();
		final short[] rowShorts = samples == 3 && shorts != null ? new short[3 * n] : null;
		final float[] rowFloats = samples == 3 && floats != null ? new float[3 * n] : null;
		final byte[] rowBytes = samples == 3 && bytes != null ? new byte[3 * n] : null;
		for (int row = clip.y0; row < clip.y1; row++) {
			final int srcPixel = clip.source(row);
			final int dst = clip.destination(row);
			if (samples == 1) {
				if (bytes != null) src.position(srcPixel).get(bytes, dst, n);
				else if (shorts != null) srcShorts.position(srcPixel).get(shorts, dst, n);
				else srcFloats.position(srcPixel).get(floats, dst, n);
			}
			else if (bytes != null) {
				src.position(3 * srcPixel).get(rowBytes, 0, 3 * n);
				for (int i = 0, s = 0; i < n; i++, s += 3) {
					bytes[dst + i] = rowBytes[s + 2];
					bytes[area + dst + i] = rowBytes[s + 1];
					bytes[2 * area + dst + i] = rowBytes[s];
				}
			}
			else if (shorts != null) {
				srcShorts.position(3 * srcPixel).get(rowShorts, 0, 3 * n);
				for (int i = 0, s = 0; i < n; i++, s += 3) {
					shorts[dst + i] = rowShorts[s + 2];
					shorts[area + dst + i] = rowShorts[s + 1];
					shorts[2 * area + dst + i] = rowShorts[s];
				}
			}
			else {
				srcFloats.position(3 * srcPixel).get(rowFloats, 0, 3 * n);
				for (int i = 0, s = 0; i < n; i++, s += 3) {
					floats[dst + i] = rowFloats[s + 2];
					floats[area + dst + i] = rowFloats[s + 1];
					floats[2 * area + dst + i] = rowFloats[s];
				}
			}
		}
	}

	/**
	 * Pastes a zstd1 tile of grey 16-bit pixels stored hi/lo (the low bytes of all pixels, then the
	 * high bytes), clipped to the canvas: one pass from the packed bytes into the canvas.
	 *
	 * @param packed {@code 2 * tileWidth * tileHeight} bytes from position 0
	 */
	void pasteHiLo(final byte[] packed, final int tileWidth, final int tileHeight, final long x,
		final long y)
	{
		if (shorts == null || type.samples() != 1) throw new IllegalStateException(
			"hi/lo unpacking into a " + type + " canvas");
		final Clip clip = new Clip(tileWidth, tileHeight, x, y);
		if (clip.empty()) return;
		final int high = tileWidth * tileHeight;
		for (int row = clip.y0; row < clip.y1; row++) {
			final int src = clip.source(row);
			final int dst = clip.destination(row);
			for (int i = 0; i < clip.n; i++)
				shorts[dst + i] = (short) (packed[src + i] & 0xff | packed[high + src + i] << 8);
		}
	}

	/** The part of a tile with its top-left pixel at (x, y) that lies on the canvas. */
	private final class Clip {

		final int x0;
		final int y0;
		final int y1;
		/** Pixels of a row on the canvas. */
		final int n;
		private final int tileWidth;
		private final long x;
		private final long y;

		Clip(final int tileWidth, final int tileHeight, final long x, final long y) {
			this.tileWidth = tileWidth;
			this.x = x;
			this.y = y;
			this.x0 = (int) Math.max(0, x);
			this.y0 = (int) Math.max(0, y);
			this.y1 = (int) Math.min(height, y + tileHeight);
			this.n = (int) Math.min(width, x + tileWidth) - x0;
		}

		boolean empty() {
			return n <= 0 || y0 >= y1;
		}

		/** The tile's pixel that lands at the start of canvas row {@code row}. */
		int source(final int row) {
			return (int) ((row - y) * tileWidth + (x0 - x));
		}

		/** The canvas pixel where that row starts. */
		int destination(final int row) {
			return row * width + x0;
		}
	}

	/** The canvas as an image: (width, height) for grey, (width, height, 3) in R, G, B for colour. */
	ArrayImg<?, ?> image() {
		final long[] dims = type.samples() == 1 ? new long[] { width, height } : new long[] { width,
			height, 3 };
		switch (type) {
			case GRAY8:
			case BGR24:
				return ArrayImgs.unsignedBytes(bytes, dims);
			case GRAY16:
			case BGR48:
				return ArrayImgs.unsignedShorts(shorts, dims);
			default:
				return ArrayImgs.floats(floats, dims);
		}
	}
}
