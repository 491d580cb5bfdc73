package org.pssr.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pssr.crappify.Degradations;
import org.pssr.train.Networks;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;
import org.scijava.task.TaskService;
import org.scijava.ui.UIService;

/** The dialogs' recipe and network choices are the registries', set when a dialog is initialised. */
class RegistryChoicesTest {

	private static List<?> choices(final Context context, final Class<?> command, final String input)
		throws Exception
	{
		final Module module = context.service(ModuleService.class).createModule(context.service(
			CommandService.class).getCommand(command.getName()));
		module.initialize();
		return module.getInfo().getInput(input).getChoices();
	}

	@Test
	void recipesAndNetworksComeFromTheRegistries() throws Exception {
		try (Context context = new Context(CommandService.class, UIService.class, StatusService.class,
			TaskService.class))
		{
			assertEquals(Networks.names(), choices(context, TrainModelCommand.class, "preset"));
			assertEquals(Networks.names(), choices(context, SuperResolveMyMoviesCommand.class, "preset"));
			assertEquals(Degradations.names(), choices(context, GenerateTwinDataCommand.class, "recipe"));
			assertEquals(Degradations.names(), choices(context, TrainModelCommand.class, "recipe"));
		}
	}
}
