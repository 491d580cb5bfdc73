package org.pssr.czi.offender;

/** A deliberate violation, compiled only into the tests, to prove the architecture rules fail. */
public final class CziClassThatImportsImageJ {

	public static String title(final ij.ImagePlus imp) {
		return imp.getTitle();
	}
}
