package org.pssr.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.Field;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.pssr.app.SuperresSettings;
import org.pssr.app.TwinDraw;
import org.pssr.cli.CalibrateCommand;
import org.pssr.cli.CrappifyCommand;
import org.pssr.cli.EvaluateCommand;
import org.pssr.cli.ExportCommand;
import org.pssr.cli.JoinCommand;
import org.pssr.cli.SuperresCommand;
import org.pssr.cli.TrainCommand;
import org.pssr.train.TrainingOptions;
import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option of a {@code pssr} command is reachable from its Fiji command and the other way
 * round: the CLI's long option without dashes is the Fiji parameter (ImageJ macros lower-case
 * their keys), except for the few inputs named differently listed here. Only Fiji has the open
 * image and GUI-only choices, and only its dialogs have a description and a button to the guide.
 */
class FrontEndOptionsTest {

	/**
	 * Fiji parameters without a CLI counterpart by nature; {@code recipefile} is the file picker for
	 * what the CLI's {@code --recipe} also takes.
	 */
	private static final Set<String> FIJI_ONLY = Set.of("image", "preview", "recipefile");

	private static void sameOptions(final Object cli, final Class<?> fiji,
		final Map<String, String> renamed)
	{
		final Set<String> fromCli = new TreeSet<>();
		for (final OptionSpec o : new CommandLine(cli).getCommandSpec().options()) {
			if (o.usageHelp() || o.versionHelp()) continue;
			final String name = o.longestName().replaceFirst("^-+", "").replace("-", "").toLowerCase(
				Locale.ROOT);
			fromCli.add(renamed.getOrDefault(name, name));
		}
		final Set<String> fromFiji = new TreeSet<>();
		for (Class<?> c = fiji; c != Object.class; c = c.getSuperclass()) {
			for (final Field f : c.getDeclaredFields()) {
				final Parameter p = f.getAnnotation(Parameter.class);
				if (p == null || p.type() == ItemIO.OUTPUT || MacroCheck.notAnOption(f) || FIJI_ONLY.contains(f
					.getName())) continue;
				fromFiji.add(f.getName());
			}
		}
		assertEquals(fromCli, fromFiji, cli.getClass().getSimpleName() + " vs " + fiji.getSimpleName());
		sameDefaults(cli, fiji, renamed);
	}

	/**
	 * Fiji's defaults are the CLI's: a dialog's field, or a macro that leaves it out, gives what the
	 * command line gives without the option. Except where a window needs another: the status bar
	 * reports every training step, a log every twenty.
	 */
	private static void sameDefaults(final Object cli, final Class<?> fiji,
		final Map<String, String> renamed)
	{
		final Object command;
		try {
			command = fiji.getConstructor().newInstance();
		}
		catch (final ReflectiveOperationException e) {
			throw new AssertionError(e);
		}
		final CommandSpec spec = new CommandLine(cli).getCommandSpec();
		for (final OptionSpec o : spec.options()) {
			final String name = o.longestName().replaceFirst("^-+", "").replace("-", "").toLowerCase(
				Locale.ROOT);
			final String field = renamed.getOrDefault(name, name);
			final String fromCli = defaultOf(spec, o);
			if (fromCli == null || field.equals("progressevery")) continue;
			final Object value = AdvancedSettings.valueOf(command, field);
			final String what = fiji.getSimpleName() + "." + field + " = " + value + ", --" + name + " " +
				fromCli;
			if (value instanceof Number || value instanceof String && ((String) value).matches("[0-9.]+"))
				assertEquals(Double.parseDouble(fromCli), Double.parseDouble(String.valueOf(value)), 0, what);
			else assertEquals(fromCli, String.valueOf(value), what);
		}
	}

	/** What picocli gives an option left out: its provider's default, else its annotation's. */
	static String defaultOf(final CommandSpec spec, final OptionSpec o) {
		try {
			final String provided = spec.defaultValueProvider() == null ? null : spec
				.defaultValueProvider().defaultValue(o);
			return provided != null ? provided : o.defaultValue();
		}
		catch (final Exception e) {
			throw new AssertionError(e);
		}
	}

	/**
	 * Every setting of the twin draw and of training is an option of {@code pssr train}, and every
	 * setting of super-resolution one of {@code pssr superres}, whose default is the setting's, so
	 * the comparisons above reach every default of the jobs' settings values.
	 */
	@Test
	void everySettingIsAnOptionWithItsDefault() {
		final Map<String, String> training = new java.util.LinkedHashMap<>(TwinDraw.DEFAULTS.values());
		training.putAll(TrainingOptions.DEFAULTS.values());
		assertEquals(TwinDraw.NAMES.size() + TrainingOptions.NAMES.size(), training.size());
		optionsWithDefaults(new TrainCommand(), training);
		optionsWithDefaults(new SuperresCommand(), SuperresSettings.DEFAULTS.values());
	}

	private static void optionsWithDefaults(final Object cli, final Map<String, String> settings) {
		final CommandSpec spec = new CommandLine(cli).getCommandSpec();
		settings.forEach((name, value) -> {
			final OptionSpec o = spec.findOption("--" + name);
			assertNotNull(o, spec.name() + " --" + name);
			assertEquals(value, defaultOf(spec, o), spec.name() + " --" + name);
		});
	}

	@Test
	void train() {
		sameOptions(new TrainCommand(), TrainModelCommand.class, Map.of("data", "dataset", "output",
			"modelfile"));
	}

	@Test
	void superres() {
		sameOptions(new SuperresCommand(), SuperResolveMovieCommand.class, Map.of("model", "modelfile",
			"input", "inputfile", "output", "outputfile"));
	}

	@Test
	void evaluate() {
		sameOptions(new EvaluateCommand(), EvaluateModelCommand.class, Map.of("model", "modelfile",
			"truth", "inputfile", "csv", "csvfile", "plot", "plotfile", "figure", "figurefile"));
	}

	@Test
	void crappify() {
		sameOptions(new CrappifyCommand(), GenerateTwinDataCommand.class, Map.of("input", "inputs"));
	}

	@Test
	void join() {
		sameOptions(new JoinCommand(), JoinPartsCommand.class, Map.of("output", "outputfile"));
	}

	@Test
	void calibrate() {
		sameOptions(new CalibrateCommand(), CalibrateNoiseCommand.class, Map.of("input", "inputfile",
			"output", "outputfile"));
	}

	@Test
	void export() {
		sameOptions(new ExportCommand(), ExportModelCommand.class, Map.of("model", "modelfile"));
	}
}
