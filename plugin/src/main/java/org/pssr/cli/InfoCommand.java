package org.pssr.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.pssr.app.Describe;
import org.pssr.czi.CziDescription;
import org.pssr.imagej.MovieFiles;
import org.pssr.czi.CziFile;
import org.pssr.czi.CziFormatException;
import org.pssr.train.Engines;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "info", mixinStandardHelpOptions = true,
	description = { "Describe a file: for a Zeiss CZI, scenes and their dimensions, pixel type, " +
		"codecs, calibration, time stamps and channel names; for what pssr wrote (a super-resolved " +
		"TIFF, a model bundle, a bioimage.io package, a twin dataset folder), how it was made: " +
		"inputs and their SHA-256, model, recipe, seeds, settings, device and versions. With " +
		"--engines, the deep-learning engine and the device it will use." })
public final class InfoCommand implements Callable<Integer> {

	@Parameters(paramLabel = "FILE", arity = "0..1",
		description = "CZI file, super-resolved TIFF, model, package or dataset folder.")
	Path input;

	@Option(names = "--engines", description = "Print the engine, version, device and threads.")
	boolean engines;

	@Override
	public Integer call() throws Exception {
		if (input == null && !engines) {
			throw new UserException("give a file to describe, or --engines");
		}
		if (engines) System.out.println(Engines.describe());
		if (input == null) return ExitCodes.OK;
		if (!Files.exists(input)) throw new NoSuchFileException(input.toString(), null, "no such file");
		if (Files.isRegularFile(input) && String.valueOf(input.getFileName()).toLowerCase(Locale.ROOT)
			.endsWith(".czi")) {
			final List<String> lines;
			try (CziFile czi = CziFile.open(input)) {
				lines = CziDescription.describe(czi);
			}
			catch (final FileSystemException | CziFormatException | IllegalArgumentException e) {
				throw e;
			}
			catch (final IOException | RuntimeException e) {
				// a damaged file is bad input (exit 2), named
				throw new UserException(input + " cannot be read as a CZI file: " + Main.message(e), e);
			}
			lines.forEach(System.out::println);
		}
		else for (final String line : Describe.lines(input, MovieFiles::info))
			System.out.println(line);
		return ExitCodes.OK;
	}
}
