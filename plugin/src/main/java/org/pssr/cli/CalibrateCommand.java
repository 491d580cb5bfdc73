package org.pssr.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.pssr.app.CalibrateJob;
import org.pssr.app.FrameRange;
import org.pssr.app.SlurmJob;
import org.pssr.crappify.NoiseCalibration;
import org.pssr.imagej.MovieFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
	description = { "Measure the noise of a real low-resolution acquisition (a raw movie, not " +
		"denoised or background-subtracted; moving samples are fine): how the camera's noise " +
		"variance grows with intensity (gain, and an offset and read noise that give it), from the " +
		"finest details of smooth regions of single frames and, with 4 frames or more, from " +
		"consecutive frames where pixels hold still; says which it used. Writes a recipe file; give " +
		"it to crappify, train or evaluate as --recipe FILE.json so the training data look like " +
		"your microscope's." })
public final class CalibrateCommand implements Callable<Integer> {

	@Option(names = "--input", required = true, paramLabel = "MOVIE",
		description = "The low-resolution movie (TIFF or CZI); one frame is enough, " + NoiseCalibration
			.STILL_FRAMES + " or more let pixels that hold still be used too.")
	Path input;

	@Option(names = "--output", paramLabel = "RECIPE.json",
		description = "The recipe file (default: NAME.recipe.json beside the movie).")
	Path output;

	@Option(names = "--frames", paramLabel = "FIRST:LAST",
		description = "Only these frames (counted from 1).")
	String frames;

	@Mixin
	ChannelOption movie;

	@Option(names = "--hr", paramLabel = "HR_MOVIE|DIR", arity = "1..*",
		description = "High-resolution movies of the same kind of sample (those you train with): " +
			"also measure how blurred the acquisition is against them, made low-resolution by " +
			"--scale, and put that blur into the recipe. Without them the recipe has no blur.")
	List<Path> hr = new ArrayList<>();

	@Option(names = "--scale", defaultValue = "4", paramLabel = "S",
		description = "With --hr: the downsampling factor between the HR movies and the acquisition, " +
			"2, 4 or 8 (default: ${DEFAULT-VALUE}).")
	int scale;

	@Mixin
	OverwriteOption overwrite;

	@Override
	public Integer call() throws IOException {
		if (!Files.exists(input)) throw new UserException("no such movie: " + input);
		final FrameRange range = frames == null ? null : FrameRange.parse(frames);
		final Path out = output != null ? output : CalibrateJob.defaultOutput(input);
		final NoiseCalibration c = new CalibrateJob().withBlurAgainst(hr, scale, movie.channel,
			MovieFiles.IMAGEJ).run(MovieFiles.IMAGEJ.open(input, movie.channel), range, input, out, overwrite
				.rule(), ConsoleLogger.stdout());
		System.out.println("Wrote " + out + ": " + c);
		System.out.println("Use it with: pssr crappify ... --recipe " + SlurmJob.quote(out.toString()));
		return ExitCodes.OK;
	}
}
