package org.pssr.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pssr.app.SimulateJob;
import org.pssr.crappify.acquisition.Acquisition;
import org.pssr.crappify.acquisition.SimulatedAcquisition;
import org.pssr.imagej.MovieFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
	description = { "Record a high-resolution movie as a camera on a lower-resolution microscope " +
		"would: optics blur, pixels of scale x scale, a photon budget with shot noise, the camera's " +
		"gain, offset and read noise, 16-bit grey levels, optionally drift and bleaching. The " +
		"result is a raw LR movie with a known truth: try pssr calibrate on it, or measure the " +
		"whole flow (pssr study --acquisition). Deterministic for a seed." })
public final class SimulateCommand implements Callable<Integer> {

	@Option(names = "--input", required = true, paramLabel = "HR_MOVIE",
		description = "The high-resolution movie (TIFF, CZI).")
	Path input;

	@Option(names = "--output", required = true, paramLabel = "LR.tif",
		description = "The simulated acquisition, a 16-bit ImageJ TIFF.")
	Path output;

	@Mixin
	AcquisitionOptions settings;

	@Option(names = "--seed", defaultValue = "1", description = "Seed of the noise (default: " +
		"${DEFAULT-VALUE}); another seed is another acquisition of the same scene.")
	long seed;

	@Mixin
	ChannelOption movie;

	@Mixin
	OverwriteOption overwrite;

	@Override
	public Integer call() throws IOException {
		if (!Files.exists(input)) throw new UserException("no such movie: " + input);
		final Acquisition acquisition = settings.acquisition();
		final SimulatedAcquisition lr = new SimulateJob(acquisition, seed).run(MovieFiles.IMAGEJ.open(
			input, movie.channel), input, output, overwrite.rule(), ConsoleLogger.stdout());
		System.out.println("Wrote " + output + ": " + lr.width() + " x " + lr.height() + " x " + lr
			.frames() + " frames, 16-bit, " + acquisition);
		return ExitCodes.OK;
	}
}
