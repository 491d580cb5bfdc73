package org.pssr.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;
import org.pssr.app.SuperresSettings;
import org.pssr.cli.CrappifyCommand;
import org.pssr.cli.TrainCommand;
import org.pssr.crappify.Degradations;
import org.pssr.crappify.TwinOptions;
import org.pssr.train.Engines;
import org.pssr.train.Networks;
import org.pssr.train.exchange.ExportFormat;
import org.pssr.train.exchange.OutputUnits;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;
import org.scijava.plugin.Parameter;
import org.scijava.task.TaskService;
import org.scijava.ui.UIService;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every choice list of the dialogs comes from its one home in code (a registry, an enum, a job's
 * list), set when a dialog is initialised; none is written in a {@code @Parameter} annotation.
 */
class RegistryChoicesTest {

	private static List<?> choices(final Context context, final Class<?> command, final String input)
		throws Exception
	{
		final Module module = context.service(ModuleService.class).createModule(context.service(
			CommandService.class).getCommand(command.getName()));
		module.initialize();
		return module.getInfo().getInput(input).getChoices();
	}

	private static List<String> strings(final Collection<?> values) {
		return values.stream().map(String::valueOf).collect(Collectors.toList());
	}

	@Test
	void recipesAndNetworksComeFromTheRegistries() throws Exception {
		try (Context context = context()) {
			assertEquals(Networks.names(), choices(context, TrainModelCommand.class, "preset"));
			assertEquals(Networks.names(), choices(context, SuperResolveMyMoviesCommand.class, "preset"));
			assertEquals(Degradations.names(), choices(context, GenerateTwinDataCommand.class, "recipe"));
			assertEquals(Degradations.names(), choices(context, TrainModelCommand.class, "recipe"));
		}
	}

	@Test
	void everyOtherChoiceComesFromTheHomeTheCommandLineChecksAgainst() throws Exception {
		try (Context context = context()) {
			final List<String> scales = strings(Degradations.SCALES);
			assertEquals(scales, choices(context, GenerateTwinDataCommand.class, "scale"));
			assertEquals(scales, choices(context, TrainModelCommand.class, "scale"));
			assertEquals(scales, choices(context, SuperResolveMyMoviesCommand.class, "scale"));
			assertEquals(scales, choices(context, CalibrateNoiseCommand.class, "scale"));
			assertEquals(strings(TwinOptions.FRAMES), choices(context, TrainModelCommand.class,
				"frames"));
			for (final Class<?> command : List.of(TrainModelCommand.class, SuperResolveMovieCommand.class,
				SuperResolveMyMoviesCommand.class))
				assertEquals(Engines.DEVICES, choices(context, command, "device"), command.getName());
			assertEquals(strings(SuperresSettings.BITS), choices(context, SuperResolveMovieCommand.class,
				"bits"));
			assertEquals(strings(List.of(ExportFormat.values())), choices(context,
				ExportModelCommand.class, "format"));
			assertEquals(strings(List.of(OutputUnits.values())), choices(context,
				ExportModelCommand.class, "outputunits"));
		}
	}

	/**
	 * Where the command line offers choices (an option's completion candidates, listed in its help),
	 * the dialog offers the same, in the same order.
	 */
	@Test
	void theCommandLineOffersTheDialogsChoices() throws Exception {
		try (Context context = context()) {
			final Map<Object, Class<?>> pairs = Map.of(new TrainCommand(), TrainModelCommand.class,
				new CrappifyCommand(), GenerateTwinDataCommand.class);
			for (final Map.Entry<Object, Class<?>> pair : pairs.entrySet()) {
				int compared = 0;
				for (final OptionSpec o : new CommandLine(pair.getKey()).getCommandSpec().options()) {
					if (o.completionCandidates() == null) continue;
					final String name = o.longestName().replaceFirst("^-+", "").replace("-", "");
					final List<String> offered = new ArrayList<>();
					o.completionCandidates().forEach(offered::add);
					assertEquals(offered, choices(context, pair.getValue(), name), pair.getValue()
						.getSimpleName() + "." + name);
					compared++;
				}
				assertTrue(compared >= 1, pair.getValue().getSimpleName());
			}
		}
	}

	/** A list written in an annotation would drift from the CLI's; this fails on the first one. */
	@Test
	void noCommandWritesAChoiceListOfItsOwn() {
		final List<String> literal = new ArrayList<>();
		int parameters = 0;
		for (final JavaClass c : new ClassFileImporter().withImportOption(
			ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.pssr.fiji"))
			for (final Field f : c.reflect().getDeclaredFields()) {
				final Parameter p = f.getAnnotation(Parameter.class);
				if (p == null) continue;
				parameters++;
				if (p.choices().length > 0) literal.add(c.getSimpleName() + "." + f.getName());
			}
		assertFalse(parameters < 50, "the scan found only " + parameters + " parameters");
		assertEquals(List.of(), literal);
	}

	private static Context context() {
		return new Context(CommandService.class, UIService.class, StatusService.class,
			TaskService.class);
	}
}
