package org.pssr.fiji.it;

import java.io.File;
import java.util.Map;

import ij.IJ;

import org.scijava.Context;
import org.scijava.module.Module;
import org.scijava.script.ScriptService;

/** The ImageJ side of {@link FijiHarness} (loaded after ImageJ 1.x is patched). */
final class FijiScenario {

	private FijiScenario() {}

	/** As {@code fiji --headless --run FILE 'k=v,...'}: SciJava fills the script's parameters. */
	static String script(final Context context, final File file, final Map<String, Object> parameters)
		throws Exception
	{
		final Module module = context.service(ScriptService.class).run(file, true, parameters).get();
		if (module.isCanceled()) return "aborted " + module.getCancelReason();
		return "ok";
	}

	/** As {@code fiji --headless -macro FILE ARG}: ImageJ 1.x runs the macro. */
	static String macroFile(final File file, final String argument) {
		return result(IJ.runMacroFile(file.getPath(), argument));
	}

	static String macro(final String text) {
		return result(IJ.runMacro(text));
	}

	private static String result(final String returned) {
		return "[aborted]".equals(returned) ? "aborted" : "ok";
	}

	static String log() {
		final String log = IJ.getLog();
		return log == null ? "" : log;
	}
}
