package org.pssr.train.exchange;

import java.nio.file.Path;
import java.util.Locale;

/** What an export wrote, and how closely the reloaded TensorFlow model matched PyTorch. * A value: final public fields, as a record would have (the build targets Java 11).
 */
public final class ExportReport {

	public final Path output;
	public final ExportFormat format;
	/** Largest |TensorFlow - PyTorch| over the test window, in normalised units. */
	public final double maxDifference;
	/** Largest |PyTorch output| over the test window, for scale. */
	public final double outputRange;

	ExportReport(final Path output, final ExportFormat format, final double maxDifference,
		final double outputRange)
	{
		this.output = output;
		this.format = format;
		this.maxDifference = maxDifference;
		this.outputRange = outputRange;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT,
			"%s written to %s; reloaded in TensorFlow: max |TF - PyTorch| = %.2g (outputs up to %.3g)",
			format, output, maxDifference, outputRange);
	}
}
