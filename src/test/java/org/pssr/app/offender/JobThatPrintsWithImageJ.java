package org.pssr.app.offender;

/** A deliberate violation, compiled only into the tests: a job that writes to ImageJ's log. */
public final class JobThatPrintsWithImageJ {

	public static void report(final String line) {
		ij.IJ.log(line);
	}
}
