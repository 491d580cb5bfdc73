package org.pssr.cli;

import org.pssr.app.SuperresSettings;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --bits}: the sample format of super-resolved movies, of superres and of its SLURM jobs; a
 * format pssr does not write ({@link SuperresSettings#BITS}) is refused as the option is read.
 */
final class BitsOption {

	@Spec(Spec.Target.MIXEE)
	CommandSpec command;

	int bits;

	@Option(names = "--bits", paramLabel = "32|16",
		description = "Output sample format: 32-bit float or 16-bit unsigned (default: ${DEFAULT-VALUE}).")
	void bits(final int value) {
		if (!SuperresSettings.BITS.contains(value)) throw new ParameterException(command.commandLine(),
			"--bits must be 32 or 16, not " + value);
		bits = value;
	}
}
