package org.pssr.train.exchange;

import java.nio.file.Path;
import java.util.Locale;

/** What an export wrote, and how closely the reloaded TensorFlow model matched PyTorch. */
public final class ExportReport {

	private final Path output;
	private final ExportFormat format;
	private final double maxDifference;
	private final double outputRange;

	ExportReport(final Path output, final ExportFormat format, final double maxDifference,
		final double outputRange)
	{
		this.output = output;
		this.format = format;
		this.maxDifference = maxDifference;
		this.outputRange = outputRange;
	}

	public Path output() {
		return output;
	}

	public ExportFormat format() {
		return format;
	}

	/** Largest |TensorFlow - PyTorch| over the test window, in normalised units. */
	public double maxDifference() {
		return maxDifference;
	}

	/** Largest |PyTorch output| over the test window, for scale. */
	public double outputRange() {
		return outputRange;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT,
			"%s written to %s; reloaded in TensorFlow: max |TF - PyTorch| = %.2g (outputs up to %.3g)",
			format, output, maxDifference, outputRange);
	}
}
