package org.pssr.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pssr.app.OutputRule;
import org.pssr.crappify.io.ImageJTiffWriter;
import org.pssr.crappify.io.PixelFormat;
import org.pssr.crappify.synth.SyntheticFluorescenceMovie;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "synth", mixinStandardHelpOptions = true,
	description = { "Write a synthetic high-resolution fluorescence movie (moving tubules and " +
		"puncta through a Gaussian PSF, background, photobleaching, shot noise) as a 16-bit " +
		"ImageJ TIFF time series. Deterministic for a seed." })
public final class SynthCommand implements Callable<Integer> {

	@Parameters(paramLabel = "OUT.tif", description = "Output TIFF file.")
	Path output;

	@Option(names = "--frames", defaultValue = "32", description = "Number of frames (default: ${DEFAULT-VALUE}).")
	int frames;

	@Option(names = "--width", defaultValue = "256", description = "Width in pixels (default: ${DEFAULT-VALUE}).")
	int width;

	@Option(names = "--height", defaultValue = "256", description = "Height in pixels (default: ${DEFAULT-VALUE}).")
	int height;

	@Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
	long seed;

	@Mixin
	OverwriteOption overwrite;

	@Override
	public Integer call() throws Exception {
		overwrite.rule().check("OUT.tif", output, OutputRule.Kind.MOVIE);
		final SyntheticFluorescenceMovie movie = new SyntheticFluorescenceMovie(width, height, frames,
			seed);
		ImageJTiffWriter.save(movie, output, PixelFormat.UINT16, movie.provenance().text());
		System.out.println("Wrote " + output + ": " + width + " x " + height + " x " + frames +
			" frames, 16-bit, " + movie.calibration());
		return ExitCodes.OK;
	}
}
