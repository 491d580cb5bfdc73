package org.pssr.czi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import com.google.gson.JsonObject;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.type.numeric.RealType;

/**
 * What one plane of a CZI must decode to: its size, the SHA-256 of its samples as stored and their
 * min, max and mean. It is addressed as the file addresses it: by the S start of its scene and the
 * start values of its other letters.
 */
final class ExpectedPlane {

	private final int sceneStart;
	private final Map<Character, Integer> at;
	private final long width;
	private final long height;
	private final double min;
	private final double max;
	private final double mean;
	private final String sha256;

	private ExpectedPlane(final int sceneStart, final Map<Character, Integer> at, final long width,
		final long height, final double min, final double max, final double mean, final String sha256)
	{
		this.sceneStart = sceneStart;
		this.at = Collections.unmodifiableMap(new TreeMap<>(at));
		this.width = width;
		this.height = height;
		this.min = min;
		this.max = max;
		this.mean = mean;
		this.sha256 = sha256;
	}

	/** A plane of expected/NAME.json, which an independent decoder wrote. */
	static ExpectedPlane fromJson(final JsonObject plane) {
		final Map<Character, Integer> at = new TreeMap<>();
		for (final char letter : new char[] { 'C', 'Z', 'T' })
			at.put(letter, plane.get(String.valueOf(letter)).getAsInt());
		return new ExpectedPlane(plane.get("S").getAsInt(), at, plane.get("width").getAsLong(), plane
			.get("height").getAsLong(), plane.get("min").getAsDouble(), plane.get("max").getAsDouble(),
			plane.get("mean").getAsDouble(), plane.get("sha256_le").getAsString());
	}

	/** A plane whose samples, in the stored layout, are {@code stored}. */
	static ExpectedPlane of(final int sceneStart, final Map<Character, Integer> at, final int width,
		final int height, final CziPixelType type, final byte[] stored)
	{
		final ByteBuffer b = ByteBuffer.wrap(stored).order(ByteOrder.LITTLE_ENDIAN);
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY, sum = 0;
		final int samples = stored.length / type.bytesPerSample();
		for (int i = 0; i < samples; i++) {
			final double v = type.isFloat() ? b.getFloat() : type.bytesPerSample() == 2 ? b.getShort() &
				0xffff : b.get() & 0xff;
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
			sum += v;
		}
		return new ExpectedPlane(sceneStart, at, width, height, lo, hi, sum / samples, StoredBytes
			.sha256(stored));
	}

	long width() {
		return width;
	}

	long height() {
		return height;
	}

	/** Reads this plane with the reader and checks it sample for sample. */
	void assertReadFrom(final CziFile czi) throws IOException {
		final String where = czi.name() + " " + this;
		final CziScene scene = scene(czi, where);
		final Map<Character, Integer> position = new TreeMap<>();
		for (final Map.Entry<Character, Integer> a : at.entrySet())
			position.put(a.getKey(), a.getValue() - scene.start(a.getKey()));
		final ArrayImg<?, ?> img = czi.readPlane(scene.index(), position);
		assertEquals(width, img.dimension(0), where);
		assertEquals(height, img.dimension(1), where);
		assertEquals(sha256, StoredBytes.sha256(StoredBytes.of(img)), where);
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY, sum = 0;
		long n = 0;
		for (final Object o : img) {
			final double v = ((RealType<?>) o).getRealDouble();
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
			sum += v;
			n++;
		}
		assertEquals(min, lo, where);
		assertEquals(max, hi, where);
		assertEquals(mean, sum / n, 1e-6, where);
	}

	private CziScene scene(final CziFile czi, final String where) {
		for (final CziScene s : czi.scenes())
			if (s.sceneStart() == sceneStart) return s;
		return fail(where + ": no scene starts at S=" + sceneStart);
	}

	@Override
	public String toString() {
		final StringBuilder sb = new StringBuilder("S=" + sceneStart);
		at.forEach((letter, start) -> sb.append(' ').append(letter).append('=').append(start));
		return sb.toString();
	}
}
