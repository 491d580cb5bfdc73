package org.pssr.train;

/** A model bundle that cannot be used: not a bundle, damaged, unsafe, or made for another version. */
public class InvalidBundleException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	public InvalidBundleException(final String message) {
		super(message);
	}

	public InvalidBundleException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
