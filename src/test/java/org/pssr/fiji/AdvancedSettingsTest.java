package org.pssr.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.command.CommandModule;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;
import org.scijava.plugin.DefaultPluginFinder;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.PluginIndex;
import org.scijava.plugin.PluginInfo;
import org.scijava.service.Service;
import org.scijava.task.TaskService;
import org.scijava.thread.ThreadService;
import org.scijava.ui.UIService;
import org.scijava.widget.Button;

/**
 * The split of the PSSR dialogs into common fields and, behind <i>Advanced...</i>, the rest: which
 * inputs the first dialog leaves out, and that every command that has advanced parameters shows the
 * button below its common fields (the dialogs themselves: the GUI suite).
 */
class AdvancedSettingsTest {

	private static List<Class<? extends Command>> commands() throws Exception {
		final PluginIndex index = new PluginIndex(new DefaultPluginFinder());
		index.discover();
		final List<Class<? extends Command>> pssr = new ArrayList<>();
		for (final PluginInfo<Command> info : index.getPlugins(Command.class))
			if (info.getClassName().startsWith("org.pssr.fiji.")) pssr.add(info.loadClass());
		return pssr;
	}

	@Test
	void theFirstDialogLeavesOutTheAdvancedInputsAndTheButtonOpensThoseStillToBeAsked()
		throws Exception
	{
		// the module Fiji runs: a DynamicCommand is its own module, with copies of the items
		try (Context context = new Context(CommandService.class, ModuleService.class, TaskService.class,
			ThreadService.class)) {
			final Module module = context.service(ModuleService.class).createModule(context.service(CommandService.class)
				.getCommand(TrainModelCommand.class));
			module.resolveInput("epochs"); // given before the dialog, as a macro gives it
			module.setInput("batch", 4); // remembered from the last dialog
			assertEquals(List.of("Batch size 4 (default 8)"), AdvancedSettings.split(null, module),
				"a value the dialog no longer shows is named");
			shows(module);
		}
	}

	/** The first dialog shows the common fields and the button; the advanced ones wait for it. */
	private static void shows(final Module module) {
		final List<String> advanced = AdvancedSettings.names(TrainModelCommand.class);
		assertTrue(advanced.containsAll(List.of("channel", "tile", "samples", "batch", "lr", "device",
			"overwrite")), advanced.toString());
		final List<String> shown = new ArrayList<>();
		for (final ModuleItem<?> item : module.getInfo().inputs()) {
			if (!module.isInputResolved(item.getName()) && !filledIn(item)) shown.add(item.getName());
			if (advanced.contains(item.getName())) assertTrue(module.isInputResolved(item.getName()),
				item.getName() + " is in the first dialog");
		}
		assertEquals(List.of("about", "help", "scale", "recipe", "recipefile", "dataset", "movies",
			"modelfile", "preset", "advanced"), shown);
		assertNotNull(((AdvancedCommand) module.getDelegateObject()).advancedDialog);
	}

	@Test
	void aCommandWithoutAdvancedInputsIsNotSplit() throws Exception {
		final CommandModule module = new CommandModule(new CommandInfo(JoinPartsCommand.class));
		assertEquals(List.of(), AdvancedSettings.split(null, module));
		for (final ModuleItem<?> item : module.getInfo().inputs())
			assertFalse(module.isInputResolved(item.getName()), item.getName());
		assertFalse(module.getDelegateObject() instanceof AdvancedCommand, "it has no Advanced... button");
	}

	/**
	 * A command with advanced parameters has the button, below every parameter of its dialog (and
	 * "Replace an earlier output" last behind it), though a base class declares both; one without
	 * has none. The guided command asks first only for the movies, the model or HR movies, and the
	 * output folder.
	 */
	@Test
	void everyCommandWithAdvancedParametersShowsTheButtonBelowItsCommonFields() throws Exception {
		final List<Class<? extends Command>> commands = commands();
		assertTrue(commands.size() >= 9, commands.toString());
		try (Context context = new Context(CommandService.class, ModuleService.class, TaskService.class,
			ThreadService.class, UIService.class)) {
			for (final Class<? extends Command> command : commands) {
				final List<String> advanced = AdvancedSettings.names(command);
				final boolean split = !advanced.isEmpty();
				final List<String> dialog = new ArrayList<>();
				final List<String> behind = new ArrayList<>();
				for (final ModuleItem<?> item : dialogOrder(context, command)) {
					if (advanced.contains(item.getName())) behind.add(item.getName());
					else if (item.getLabel() != null && !item.getLabel().isEmpty()) dialog.add(item
						.getName());
				}
				final Field button = field(command, "advanced");
				assertEquals(split, button != null && button.getType() == Button.class && "showAdvanced"
					.equals(button.getAnnotation(Parameter.class).callback()), command.getSimpleName());
				if (!split) continue;
				assertEquals("advanced", dialog.get(dialog.size() - 1), command.getSimpleName() +
					": the button is not below the fields " + dialog);
				assertEquals("overwrite", behind.get(behind.size() - 1), command.getSimpleName() +
					": the advanced dialog does not end with overwrite " + behind);
			}
		}
		final List<String> common = new ArrayList<>();
		for (final ModuleItem<?> item : new CommandInfo(SuperResolveMyMoviesCommand.class).inputs())
			if (!AdvancedSettings.names(SuperResolveMyMoviesCommand.class).contains(item.getName()) &&
				!filledIn(item) && !Set.of("about", "help", "advanced").contains(item.getName())) common
					.add(item.getName());
		assertEquals(List.of("image", "inputs", "modelfile", "hr", "output"), common);
	}

	/** The inputs of the module Fiji makes of {@code command}, in the order its dialogs show them. */
	private static Iterable<ModuleItem<?>> dialogOrder(final Context context,
		final Class<? extends Command> command)
	{
		final Module module = context.service(ModuleService.class).createModule(context.service(
			CommandService.class).getCommand(command));
		return module.getInfo().inputs();
	}

	/** The context and services, which SciJava fills in itself. */
	private static boolean filledIn(final ModuleItem<?> item) {
		return Context.class.isAssignableFrom(item.getType()) || Service.class.isAssignableFrom(item
			.getType());
	}

	private static Field field(final Class<?> command, final String name) {
		for (Class<?> c = command; c != Object.class; c = c.getSuperclass())
			for (final Field f : c.getDeclaredFields())
				if (f.getName().equals(name) && f.isAnnotationPresent(Parameter.class)) return f;
		return null;
	}
}
