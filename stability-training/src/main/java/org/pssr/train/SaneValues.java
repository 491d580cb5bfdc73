package org.pssr.train;

/**
 * What a model may hold and give: finite values of a sane size. A bundle whose weights hold NaN,
 * infinity or values beyond {@link #LIMIT} is damaged, and so is a model whose output does: such a
 * model would write NaN or absurd pixels with no error, so pssr refuses it instead.
 */
public final class SaneValues {

	/** Far beyond any weight or intensity a working model has. */
	public static final float LIMIT = 1e30f;

	private SaneValues() {}

	/** The index of the first value that is NaN, infinite or beyond {@link #LIMIT}; -1 for none. */
	public static int firstBad(final float[] values) {
		for (int i = 0; i < values.length; i++)
			if (!(Math.abs(values[i]) <= LIMIT)) return i;
		return -1;
	}

	/** A bad value in words: "NaN", "infinity" or the number. */
	public static String describe(final float value) {
		return Float.isNaN(value) ? "NaN" : Float.isInfinite(value) ? "infinity" : Float.toString(value);
	}
}
