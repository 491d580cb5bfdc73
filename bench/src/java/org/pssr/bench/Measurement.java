package org.pssr.bench;

/**
 * One line of the benchmark table: a workload, our figure, the reference figure (NaN when the
 * reference could not run) and which way is better.
 */
public final class Measurement {

	private final String workload;
	private final String unit;
	private final double ours;
	private final double reference;
	private final boolean higherIsBetter;
	private final String note;
	private final Spread oursSpread;
	private final Spread referenceSpread;

	public Measurement(final String workload, final String unit, final double ours,
		final double reference, final boolean higherIsBetter, final String note)
	{
		this(workload, unit, ours, reference, higherIsBetter, note, null, null);
	}

	private Measurement(final String workload, final String unit, final double ours,
		final double reference, final boolean higherIsBetter, final String note,
		final Spread oursSpread, final Spread referenceSpread)
	{
		this.workload = workload;
		this.unit = unit;
		this.ours = ours;
		this.reference = reference;
		this.higherIsBetter = higherIsBetter;
		this.note = note == null ? "" : note;
		this.oursSpread = oursSpread;
		this.referenceSpread = referenceSpread;
	}

	public String workload() {
		return workload;
	}

	public String unit() {
		return unit;
	}

	public double ours() {
		return ours;
	}

	public double reference() {
		return reference;
	}

	public String note() {
		return note;
	}

	/**
	 * A line of rates from interleaved rounds ({@link Interleaved}) of seconds: each side's
	 * {@code work / seconds}, higher is better, as median (min-max).
	 *
	 * @param seconds our rounds' spread and the reference's (null when it did not run)
	 */
	public static Measurement rates(final String workload, final String unit, final double work,
		final Spread[] seconds, final String note)
	{
		return new Measurement(workload, unit, Double.NaN, Double.NaN, true, note).withSpreads(
			seconds[0].inverse(work), seconds[1] == null ? null : seconds[1].inverse(work));
	}

	/**
	 * Both figures as the spread of interleaved rounds ({@link Interleaved}), in this line's unit;
	 * the figures themselves are then the medians.
	 *
	 * @param reference null when the reference did not run
	 */
	public Measurement withSpreads(final Spread ours, final Spread reference) {
		return new Measurement(workload, unit, ours.median(), reference == null ? Double.NaN : reference
			.median(), higherIsBetter, note, ours, reference);
	}

	/** Null for a single figure. */
	public Spread oursSpread() {
		return oursSpread;
	}

	/** Null for a single figure or without a reference. */
	public Spread referenceSpread() {
		return referenceSpread;
	}

	/**
	 * Whether the rounds cannot tell the two sides apart: at the ends of their spreads we would be
	 * ahead one way and behind the other. The ratio of the medians then says nothing.
	 */
	public boolean undecided() {
		if (oursSpread == null || referenceSpread == null) return false;
		final double best = higherIsBetter ? oursSpread.max() / referenceSpread.min() : referenceSpread
			.max() / oursSpread.min();
		final double worst = higherIsBetter ? oursSpread.min() / referenceSpread.max() : referenceSpread
			.min() / oursSpread.max();
		return best > 1 && worst < 1;
	}

	/** Above 1 means we are better than the reference, whichever way the unit points. */
	public double ratio() {
		if (!(reference > 0) || !(ours > 0)) return Double.NaN;
		return higherIsBetter ? ours / reference : reference / ours;
	}
}
