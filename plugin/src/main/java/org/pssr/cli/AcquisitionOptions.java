package org.pssr.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.pssr.crappify.acquisition.Acquisition;

import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * The simulated microscope's settings as options, one per {@link Acquisition#PARAMETERS} entry with
 * its default, unit and meaning: the parameter list is their one home, so a setting added there is
 * an option of every command that mixes this in.
 */
@Command(modelTransformer = AcquisitionOptions.FromParameters.class)
final class AcquisitionOptions {

	@Spec(Spec.Target.MIXEE)
	CommandSpec command;

	/** The acquisition the options describe; a value out of its range is refused by its option. */
	Acquisition acquisition() {
		Acquisition acquisition = Acquisition.defaults();
		for (final Acquisition.Parameter p : Acquisition.PARAMETERS) {
			final double value = command.findOption(optionName(p)).getValue();
			try {
				acquisition = acquisition.with(p.name, value);
			}
			catch (final IllegalArgumentException e) {
				throw new UserException(e.getMessage().replaceFirst("^acquisition setting " + p.name,
					optionName(p)), e);
			}
		}
		return acquisition;
	}

	/** The option of a parameter: its name, but read noise's in two words, as users typed it. */
	private static String optionName(final Acquisition.Parameter p) {
		return p == Acquisition.READ_NOISE ? "--read-noise" : "--" + p.name;
	}

	/**
	 * Declares the options, in the parameters' order, after the command's required options and
	 * before its others (seed, channel, overwrite, help), so that its help reads in that order. A
	 * mixin's model transformer is its command's: picocli applies it to the whole command.
	 */
	static final class FromParameters implements IModelTransformer {

		@Override
		public CommandSpec transform(final CommandSpec command) {
			final List<OptionSpec> after = new ArrayList<>();
			for (final OptionSpec o : new ArrayList<>(command.options()))
				if (!o.required()) {
					command.remove(o);
					after.add(o);
				}
			for (final Acquisition.Parameter p : Acquisition.PARAMETERS)
				command.addOption(OptionSpec.builder(optionName(p)).type(double.class).paramLabel("VALUE")
					.defaultValue(BigDecimal.valueOf(p.defaultValue).stripTrailingZeros().toPlainString())
					// help texts are format strings: the description's '%' is a percent sign
					.description((Character.toUpperCase(p.description.charAt(0)) + p.description
						.substring(1) + " (default: ${DEFAULT-VALUE} " + p.unit + ").").replace("%", "%%"))
					.build());
			after.forEach(command::addOption);
			return command;
		}
	}
}
