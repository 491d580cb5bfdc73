package org.pssr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class MainTest {

	@Test
	void helpListsEverySubcommandAndEachHasItsOwnHelp() {
		final CommandLine cli = Main.commandLine();
		final StringWriter out = new StringWriter();
		cli.setOut(new PrintWriter(out));
		assertEquals(0, cli.execute("--help"));
		assertTrue(cli.getSubcommands().size() > 1);
		for (final String name : cli.getSubcommands().keySet()) {
			if (name.equals("help")) continue;
			assertTrue(out.toString().contains(name), "--help lists " + name);
			final CommandLine sub = Main.commandLine();
			final StringWriter subOut = new StringWriter();
			sub.setOut(new PrintWriter(subOut));
			assertEquals(0, sub.execute(name, "--help"), name + " --help");
			assertTrue(subOut.toString().contains("Usage: pssr " + name), subOut.toString());
		}
	}

	@Test
	void unknownOptionIsAUsageErrorWithOneLineAndAHint() {
		final String err = CliRun.stderr(ExitCodes.USAGE, "synth", "--no-such-option", "x.tif");
		assertTrue(err.startsWith("pssr: "), err);
		assertTrue(err.contains("--help"));
	}
}
