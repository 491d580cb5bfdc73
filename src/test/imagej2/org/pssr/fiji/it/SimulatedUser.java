package org.pssr.fiji.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

import org.scijava.convert.ConvertService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPreprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * A user at the dialog, for the Recorder check: fills the next PSSR command's inputs from the
 * answers file named by {@code -Dpssr.it.user} ({@code name=value} lines) just before the input
 * harvester would ask, so the values count as the user's and the macro recorder records them. Answers
 * once: a macro run afterwards gets its own options.
 */
@Plugin(type = PreprocessorPlugin.class, priority = -9999.5)
public final class SimulatedUser extends AbstractPreprocessorPlugin {

	@Parameter
	private ConvertService convert;

	@Override
	public void process(final Module module) {
		final String answers = System.getProperty("pssr.it.user");
		if (answers == null || !module.getInfo().getDelegateClassName().startsWith("org.pssr.fiji.")) return;
		System.clearProperty("pssr.it.user");
		try {
			for (final String line : Files.readAllLines(Paths.get(answers), StandardCharsets.UTF_8)) {
				final int eq = line.indexOf('=');
				if (eq < 0) continue;
				final String name = line.substring(0, eq);
				final ModuleItem<?> item = module.getInfo().getInput(name);
				module.setInput(name, convert.convert(line.substring(eq + 1), item.getType()));
				module.resolveInput(name);
			}
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
