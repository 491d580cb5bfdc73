package org.pssr.train;

/**
 * A setting's value from text, as the study's {@code --set} and {@code --vary} give them: a refusal
 * names the setting and says what it takes.
 */
public final class SettingText {

	private SettingText() {}

	public static int whole(final String name, final String text) {
		try {
			return Integer.parseInt(text);
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException(name + " takes a whole number, not '" + text + "'", e);
		}
	}

	public static long wholeLong(final String name, final String text) {
		try {
			return Long.parseLong(text);
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException(name + " takes a whole number, not '" + text + "'", e);
		}
	}

	public static double real(final String name, final String text) {
		try {
			return Double.parseDouble(text);
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException(name + " takes a number, not '" + text + "'", e);
		}
	}

	/** {@code true} or {@code false}, in any case. */
	public static boolean bool(final String name, final String text) {
		if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) return Boolean.parseBoolean(
			text);
		throw new IllegalArgumentException(name + " takes true or false, not '" + text + "'");
	}
}
