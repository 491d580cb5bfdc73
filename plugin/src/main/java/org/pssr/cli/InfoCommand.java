package org.pssr.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pssr.czi.CziDescription;
import org.pssr.czi.CziFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "info", mixinStandardHelpOptions = true,
	description = { "Describe a Zeiss CZI file: scenes and their dimensions, pixel type, codecs, " +
		"calibration, time stamps and channel names." })
public final class InfoCommand implements Callable<Integer> {

	@Parameters(paramLabel = "FILE.czi", description = "CZI file to describe.")
	Path input;

	@Override
	public Integer call() throws Exception {
		try (CziFile czi = CziFile.open(input)) {
			for (final String line : CziDescription.describe(czi))
				System.out.println(line);
		}
		return ExitCodes.OK;
	}
}
