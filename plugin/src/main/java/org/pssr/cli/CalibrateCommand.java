package org.pssr.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
		"denoised or background-subtracted, of a sample that holds still for some frames): camera " +
		"gain, offset and read noise from how the variance of consecutive-frame differences grows " +
		"with intensity. Writes a recipe file; give it to crappify, train or evaluate as " +
		"--recipe FILE.json so the training data look like your microscope's." })
public final class CalibrateCommand implements Callable<Integer> {

	@Option(names = "--input", required = true, paramLabel = "MOVIE",
		description = "The low-resolution movie (TIFF or CZI), at least " + NoiseCalibration.MIN_FRAMES +
			" frames.")
	Path input;

	@Option(names = "--output", paramLabel = "RECIPE.json",
		description = "The recipe file (default: NAME.recipe.json beside the movie).")
	Path output;

	@Option(names = "--frames", paramLabel = "FIRST:LAST",
		description = "Only these frames (counted from 1): a stretch where the sample holds still.")
	String frames;

	@Option(names = "--channel", defaultValue = "1", description = "Channel, from 1 (default: ${DEFAULT-VALUE}).")
	int channel;

	@Mixin
	OverwriteOption overwrite;

	@Override
	public Integer call() throws IOException {
		if (!Files.exists(input)) throw new UserException("no such movie: " + input);
		final FrameRange range = frames == null ? null : FrameRange.parse(frames);
		final Path out = output != null ? output : CalibrateJob.defaultOutput(input);
		final NoiseCalibration c = new CalibrateJob().run(MovieFiles.IMAGEJ.open(input, channel), range,
			input, out, overwrite.rule(), ConsoleLogger.stdout());
		System.out.println("Wrote " + out + ": " + c);
		System.out.println("Use it with: pssr crappify ... --recipe " + SlurmJob.quote(out.toString()));
		return ExitCodes.OK;
	}
}
