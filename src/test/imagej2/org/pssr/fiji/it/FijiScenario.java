package org.pssr.fiji.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

import ij.macro.Interpreter;

import org.scijava.Cancelable;
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
		if (module instanceof Cancelable && ((Cancelable) module).isCanceled()) return "aborted " +
			((Cancelable) module).getCancelReason();
		return "ok";
	}

	/** As {@code fiji --headless -macro FILE ARG}: ImageJ 1.x runs the macro. */
	static String macroFile(final File file, final String argument) throws IOException {
		return macro(new String(Files.readAllBytes(file.toPath()), StandardCharsets.UTF_8), argument);
	}

	/** @return {@code ok}, or {@code aborted} with the macro's error */
	static String macro(final String text, final String argument) {
		final Interpreter interpreter = new Interpreter();
		interpreter.run(text, argument);
		return interpreter.wasError() ? "aborted " + interpreter.getErrorMessage() : "ok";
	}
}
