package org.pssr.cli;

/**
 * A failure the user can fix (bad input, a path that cannot be written): the CLI prints its message
 * in one line and exits with {@link ExitCodes#USAGE}, without a stack trace.
 */
public class UserException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public UserException(final String message) {
		super(message);
	}

	public UserException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
