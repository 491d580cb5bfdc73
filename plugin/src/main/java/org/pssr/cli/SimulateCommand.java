package org.pssr.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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

	@Option(names = "--scale", paramLabel = "S", description = "Downsampling factor: 2, 4 or 8 " +
		"(default: 4).")
	Double scale;

	@Option(names = "--psf", paramLabel = "SIGMA", description = "Blur of the LR optics beyond the " +
		"HR movie's, a Gaussian's sigma in HR pixels (default: 2).")
	Double psf;

	@Option(names = "--photons", paramLabel = "N", description = "Photons an LR pixel collects " +
		"where the HR movie is at its upper percentile (default: 50).")
	Double photons;

	@Option(names = "--background", paramLabel = "N", description = "Photons every LR pixel " +
		"collects besides the sample's (default: 0).")
	Double background;

	@Option(names = "--gain", paramLabel = "G", description = "Grey levels per photon (default: 2).")
	Double gain;

	@Option(names = "--offset", paramLabel = "ADU", description = "Grey level of no light " +
		"(default: 100).")
	Double offset;

	@Option(names = "--read-noise", paramLabel = "ADU", description = "Read noise, standard " +
		"deviation in grey levels (default: 2).")
	Double readNoise;

	@Option(names = "--bleaching", paramLabel = "F", description = "Fraction of the signal lost per " +
		"frame (default: 0).")
	Double bleaching;

	@Option(names = "--drift", paramLabel = "PX", description = "Drift of the sample in HR pixels " +
		"per frame (default: 0).")
	Double drift;

	@Option(names = "--seed", defaultValue = "1", description = "Seed of the noise (default: " +
		"${DEFAULT-VALUE}); another seed is another acquisition of the same scene.")
	long seed;

	@Option(names = "--channel", defaultValue = "1", description = "Channel of the HR movie, from 1 " +
		"(default: ${DEFAULT-VALUE}).")
	int channel;

	@Mixin
	OverwriteOption overwrite;

	@Override
	public Integer call() throws IOException {
		if (!Files.exists(input)) throw new UserException("no such movie: " + input);
		final Map<String, Double> settings = new LinkedHashMap<>();
		put(settings, Acquisition.SCALE, scale);
		put(settings, Acquisition.PSF, psf);
		put(settings, Acquisition.PHOTONS, photons);
		put(settings, Acquisition.BACKGROUND, background);
		put(settings, Acquisition.GAIN, gain);
		put(settings, Acquisition.OFFSET, offset);
		put(settings, Acquisition.READ_NOISE, readNoise);
		put(settings, Acquisition.BLEACHING, bleaching);
		put(settings, Acquisition.DRIFT, drift);
		final Acquisition acquisition;
		try {
			acquisition = Acquisition.of(settings);
		}
		catch (final IllegalArgumentException e) {
			throw new UserException("--" + e.getMessage().replaceFirst("^acquisition setting ", "")
				.replaceFirst("^readnoise", "read-noise"), e);
		}
		final SimulatedAcquisition lr = new SimulateJob(acquisition, seed).run(MovieFiles.IMAGEJ.open(
			input, channel), input, output, overwrite.rule(), ConsoleLogger.stdout());
		System.out.println("Wrote " + output + ": " + lr.width() + " x " + lr.height() + " x " + lr
			.frames() + " frames, 16-bit, " + acquisition);
		return ExitCodes.OK;
	}

	private static void put(final Map<String, Double> settings, final Acquisition.Parameter p,
		final Double value)
	{
		if (value != null) settings.put(p.name, value);
	}
}
