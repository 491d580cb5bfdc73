package org.pssr.czi;

import java.io.IOException;

/**
 * A file that is not a CZI this reader can decode: not a CZI at all, truncated, inconsistent, or
 * using a codec that needs Bio-Formats. The message says what is wrong and where.
 */
public class CziFormatException extends IOException {

	private static final long serialVersionUID = 1L;

	public CziFormatException(final String message) {
		super(message);
	}

	public CziFormatException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
