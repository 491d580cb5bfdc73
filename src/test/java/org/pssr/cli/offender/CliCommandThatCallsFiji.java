package org.pssr.cli.offender;

/** A deliberate violation, compiled only into the tests: the CLI reaching into a Fiji command. */
public final class CliCommandThatCallsFiji {

	public static Object command() {
		return new org.pssr.fiji.TrainModelCommand();
	}
}
