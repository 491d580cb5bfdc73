package org.pssr.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import ij.macro.Interpreter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.log.LogLevel;
import org.scijava.log.LogService;
import org.scijava.module.ModuleService;

/**
 * A PSSR command that SciJava fails before its first line (as its module runner now and then does,
 * "Context already injected") stops the macro that ran it: a cluster task must not go on to print
 * "wrote" and exit 0 with nothing written.
 */
public class MacroGuardTest {

	private static Context context;
	private static final List<String> reached = new ArrayList<>();

	@AfterEach
	void cleanUp() {
		FailingPreprocessor.active = false;
		if (context != null) context.dispose();
		context = null;
		reached.clear();
	}

	/** Called by the test macro: runs Join Super-Resolved Parts as the legacy layer would. */
	public static String runJoin() throws InterruptedException {
		try {
			// as LegacyService.runLegacyCompatibleCommand does: through the module service
			context.service(ModuleService.class).run(context.service(CommandService.class).getCommand(
				JoinPartsCommand.class), true, "outputfile", new File("/nowhere/out.tif"), "deleteparts",
				false).get();
		}
		catch (final ExecutionException e) {
			// the legacy layer logs the error and returns to the macro
		}
		return "";
	}

	/** Called by the test macro: what it reached. */
	public static String reached(final String what) {
		reached.add(what);
		return "";
	}

	private static Interpreter runMacro() {
		final Interpreter macro = new Interpreter();
		macro.run("call('org.pssr.fiji.MacroGuardTest.runJoin');\n" +
			"call('org.pssr.fiji.MacroGuardTest.reached', 'after the command');\n");
		return macro;
	}

	@Test
	void aCommandThatFijiFailsBeforeItsFirstLineStopsTheMacro() {
		context = new Context();
		// SciJava logs the failure as an error with its stack trace: expected here, not news
		context.service(LogService.class).setLevel(LogLevel.NONE);
		FailingPreprocessor.active = true;
		final Interpreter macro = runMacro();
		assertTrue(macro.wasError(), "the macro went on");
		assertEquals(List.of(), reached);
		assertTrue(macro.getErrorMessage().startsWith("PSSR: Fiji failed to run Join Super-Resolved " +
			"Parts (java.lang.IllegalStateException: preprocessing failed on purpose"), macro
				.getErrorMessage());
	}

	@Test
	void aCommandThatFailsOnItsInputStopsTheMacroWithItsOwnReason() {
		context = new Context();
		final Interpreter macro = runMacro();
		assertTrue(macro.wasError(), "the macro went on");
		assertEquals(List.of(), reached);
		assertTrue(macro.getErrorMessage().startsWith("PSSR: no parts of /nowhere/out.tif"), macro
			.getErrorMessage());
	}
}
