package org.pssr.fiji;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import ij.IJ;

import org.scijava.Context;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPreprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.ui.UIService;
import org.scijava.widget.InputHarvester;

/**
 * Splits a PSSR dialog in two: the common fields, and behind its <i>Advanced...</i> button the
 * parameters marked {@link Advanced} ({@link AdvancedDialog}). Runs just before SciJava's input
 * harvester, and only where it will show a dialog (a user at the screen; in a macro every option is
 * given or takes its default before this): the advanced inputs count as given, so the dialog leaves
 * them out, and keep their defaults (or the values remembered from the last dialog, which the log
 * then names, as the dialog does not show them) unless the user changes them behind the button. SciJava dialogs have no collapsible groups; the macro recorder
 * records every input that was not given before the dialogs, so a recorded line holds the advanced
 * settings too.
 */
@Plugin(type = PreprocessorPlugin.class, priority = InputHarvester.PRIORITY + 0.25)
public final class AdvancedSettings extends AbstractPreprocessorPlugin {

	@Parameter(required = false)
	private UIService ui;

	@Override
	public void process(final Module module) {
		if (ui == null || ui.isHeadless() || !ui.isVisible()) return;
		if (!(module.getDelegateObject() instanceof AdvancedCommand)) return;
		final List<String> kept = split(getContext(), module);
		if (!kept.isEmpty()) IJ.log("PSSR: " + module.getInfo().getTitle() + " keeps the advanced " +
			"settings you changed last time: " + String.join(", ", kept) + " (Advanced... shows them)");
	}

	/**
	 * Leaves the advanced inputs that are still to be asked out of the dialog, for the button.
	 *
	 * @return those whose value is not their default (a value remembered from the last dialog), as
	 *         the user reads them: label, value and default
	 */
	static List<String> split(final Context context, final Module module) {
		final List<String> names = names(module.getDelegateObject().getClass());
		final List<String> advanced = new ArrayList<>();
		for (final ModuleItem<?> item : module.getInfo().inputs())
			if (names.contains(item.getName()) && !module.isInputResolved(item.getName())) advanced.add(
				item.getName());
		final List<String> kept = new ArrayList<>();
		if (advanced.isEmpty()) return kept;
		final Object fresh = fresh(module.getDelegateObject().getClass());
		for (final String name : advanced) {
			module.resolveInput(name);
			final ModuleItem<?> item = module.getInfo().getInput(name);
			final Object value = module.getInput(name);
			final Object byDefault = valueOf(fresh, name);
			if (!Objects.equals(value, byDefault)) kept.add(item.getLabel() + " " + value + " (default " +
				byDefault + ")");
		}
		((AdvancedCommand) module.getDelegateObject()).advancedDialog = new AdvancedDialog(context, module,
			advanced);
		return kept;
	}

	/**
	 * A command as its class makes it: its fields hold the defaults. The module's own items do not
	 * say: a DynamicCommand's copies of them have no default value.
	 */
	private static Object fresh(final Class<?> command) {
		try {
			return command.getDeclaredConstructor().newInstance();
		}
		catch (final ReflectiveOperationException e) {
			throw new IllegalStateException(command.getName() + " cannot be made for its defaults", e);
		}
	}

	/** The field {@code name} of {@code command}, declared in its class or above. */
	static Object valueOf(final Object command, final String name) {
		for (Class<?> c = command.getClass(); c != null; c = c.getSuperclass())
			try {
				final Field f = c.getDeclaredField(name);
				f.setAccessible(true);
				return f.get(command);
			}
			catch (final NoSuchFieldException e) {
				// declared further up
			}
			catch (final IllegalAccessException e) {
				throw new IllegalStateException(name + " of " + command.getClass().getName(), e);
			}
		throw new IllegalStateException(command.getClass().getName() + " has no field " + name);
	}

	/**
	 * The names of the {@link Advanced} parameters of {@code command}, a base class's first (the
	 * dialog's order is the module's: {@link AdvancedCommand}).
	 */
	static List<String> names(final Class<?> command) {
		final List<Class<?>> hierarchy = new ArrayList<>();
		for (Class<?> c = command; c != null; c = c.getSuperclass())
			hierarchy.add(0, c);
		final List<String> names = new ArrayList<>();
		for (final Class<?> c : hierarchy)
			for (final Field f : c.getDeclaredFields())
				if (f.isAnnotationPresent(Advanced.class) && f.isAnnotationPresent(Parameter.class)) names
					.add(f.getName());
		return names;
	}
}
