package org.pssr.fiji;

import org.scijava.module.Module;
import org.scijava.module.process.AbstractPreprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Plugin;

/**
 * Fails the preprocessing of PSSR commands, as SciJava's module runner now and then does, while a
 * test asks for it: {@link MacroGuardTest}, or the ImageJ2 suite with {@code
 * -Dpssr.test.failPreprocessing=true} (test classes are on its Fiji's class path).
 */
@Plugin(type = PreprocessorPlugin.class)
public final class FailingPreprocessor extends AbstractPreprocessorPlugin {

	static volatile boolean active;

	@Override
	public void process(final Module module) {
		if ((active || Boolean.getBoolean("pssr.test.failPreprocessing")) && Commands.isPssr(module
			.getInfo().getDelegateClassName())) throw new IllegalStateException(
				"preprocessing failed on purpose");
	}
}
