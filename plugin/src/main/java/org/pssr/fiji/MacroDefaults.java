package org.pssr.fiji;

import ij.IJ;

import org.scijava.Context;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPreprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Plugin;
import org.scijava.service.Service;

/**
 * In a macro, an option the macro leaves out takes the command's default, as ImageJ macros
 * promise: the inputs of a PSSR command that the macro's options did not set are marked as given
 * before SciJava would fill them from the last dialog or ask for them (headless, a file chooser
 * that cannot open cancels the command without a word).
 */
@Plugin(type = PreprocessorPlugin.class, priority = -9000)
public final class MacroDefaults extends AbstractPreprocessorPlugin {

	@Override
	public void process(final Module module) {
		if (!IJ.isMacro() || !Commands.isPssr(module.getInfo().getDelegateClassName())) return;
		for (final ModuleItem<?> item : module.getInfo().inputs()) {
			final Class<?> type = item.getType();
			if (Service.class.isAssignableFrom(type) || Context.class.isAssignableFrom(type)) continue;
			if (!module.isInputResolved(item.getName())) module.resolveInput(item.getName());
		}
	}
}
