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

	public Measurement(final String workload, final String unit, final double ours,
		final double reference, final boolean higherIsBetter, final String note)
	{
		this.workload = workload;
		this.unit = unit;
		this.ours = ours;
		this.reference = reference;
		this.higherIsBetter = higherIsBetter;
		this.note = note == null ? "" : note;
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

	/** Above 1 means we are better than the reference, whichever way the unit points. */
	public double ratio() {
		if (!(reference > 0) || !(ours > 0)) return Double.NaN;
		return higherIsBetter ? ours / reference : reference / ours;
	}
}
