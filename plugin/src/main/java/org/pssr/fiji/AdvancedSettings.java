package org.pssr.fiji;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import org.scijava.Context;
import org.scijava.module.Module;
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
 * them out, and keep their defaults (or the values remembered from the last dialog) unless the user
 * changes them behind the button. SciJava dialogs have no collapsible groups; the macro recorder
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
		if (!(module.getDelegateObject() instanceof PssrCommand)) return;
		split(getContext(), module);
	}

	/** Leaves the advanced inputs that are still to be asked out of the dialog, for the button. */
	static void split(final Context context, final Module module) {
		final List<String> advanced = new ArrayList<>();
		for (final String name : names(module.getDelegateObject().getClass()))
			if (!module.isInputResolved(name)) advanced.add(name);
		if (advanced.isEmpty()) return;
		for (final String name : advanced)
			module.resolveInput(name);
		((PssrCommand) module.getDelegateObject()).advancedDialog = new AdvancedDialog(context, module,
			advanced);
	}

	/** The names of the {@link Advanced} parameters of {@code command}, in the dialog's order. */
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
