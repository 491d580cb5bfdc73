package org.pssr.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pssr.czi.CziDescription;
import org.pssr.czi.CziFile;
import org.pssr.train.Engines;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "info", mixinStandardHelpOptions = true,
	description = { "Describe a Zeiss CZI file: scenes and their dimensions, pixel type, codecs, " +
		"calibration, time stamps and channel names. With --engines, the deep-learning engine and " +
		"the device it will use." })
public final class InfoCommand implements Callable<Integer> {

	@Parameters(paramLabel = "FILE.czi", arity = "0..1", description = "CZI file to describe.")
	Path input;

	@Option(names = "--engines", description = "Print the engine, version, device and threads.")
	boolean engines;

	@Override
	public Integer call() throws Exception {
		if (input == null && !engines) {
			throw new UserException("give a CZI file to describe, or --engines");
		}
		if (engines) System.out.println(Engines.describe());
		if (input != null) {
			try (CziFile czi = CziFile.open(input)) {
				for (final String line : CziDescription.describe(czi))
					System.out.println(line);
			}
		}
		return ExitCodes.OK;
	}
}
