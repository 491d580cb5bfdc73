package org.pssr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.pssr.crappify.acquisition.Acquisition;

import picocli.CommandLine;

/** simulate's acquisition options, made from {@link Acquisition#PARAMETERS}. */
class SimulateCommandTest {

	@Test
	void helpListsEveryAcquisitionSettingWithItsDefault() {
		final CommandLine cli = Main.commandLine();
		final StringWriter out = new StringWriter();
		cli.setOut(new PrintWriter(out));
		assertEquals(0, cli.execute("simulate", "--help"));
		// the help wraps its lines: compare with the blanks folded
		final String help = out.toString().replaceAll("\\s+", " ");
		for (final Acquisition.Parameter p : Acquisition.PARAMETERS) {
			final String option = p == Acquisition.READ_NOISE ? "--read-noise" : "--" + p.name;
			final String line = help.substring(help.indexOf(option + "=VALUE "));
			assertTrue(line.substring(0, line.indexOf(").") + 2).endsWith("(default: " + Double.toString(
				p.defaultValue).replaceFirst("\\.0$", "") + " " + p.unit + ")."), line);
		}
	}

	@Test
	void theOptionsValuesMakeTheAcquisitionTheOthersKeepTheirDefaults() {
		final SimulateCommand simulate = new SimulateCommand();
		new CommandLine(simulate).parseArgs("--input", "hr.tif", "--output", "lr.tif", "--read-noise",
			"3.5", "--photons", "20");
		assertEquals(Acquisition.defaults().with(Acquisition.READ_NOISE.name, 3.5).with(
			Acquisition.PHOTONS.name, 20).values(), simulate.settings.acquisition().values());
	}
}
