package org.pssr.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.pssr.app.FrameRange;
import org.pssr.app.ModelFiles;
import org.pssr.app.MovieParts;
import org.pssr.app.OpenModel;
import org.pssr.app.SuperresJob;
import org.pssr.app.SuperresSettings;
import org.pssr.crappify.Logger;
import org.pssr.crappify.Movie;
import org.pssr.imagej.MovieFiles;
import org.pssr.train.ComputeResources;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "superres", mixinStandardHelpOptions = true,
	defaultValueProvider = SettingDefaults.Superres.class,
	description = { "Super-resolve a movie (or every movie in a folder) with a trained model. The " +
		"output has as many frames as the input (the frame window is mirrored at the ends), the " +
		"input's intensity units and its calibration divided by the scale factor. Frames are " +
		"written as they are computed; nothing is left behind if the run fails." })
public final class SuperresCommand implements Callable<Integer> {

	@Mixin
	InferenceOptions model;

	@Mixin
	MoviesInput movies;

	@Option(names = "--output", required = true, paramLabel = "OUT.tif|DIR",
		description = "Output TIFF; a folder when the input is a folder (NAME" + SuperresJob.SUFFIX +
			" for each movie).")
	Path output;

	@Mixin
	BitsOption bits;

	@Option(names = "--frames", paramLabel = "FIRST:LAST",
		description = "Only these frames (counted from 1, both included), as a part of the output: " +
			"written to OUT" + MovieParts.FOLDER_SUFFIX + "/ beside it with a record, and skipped when " +
			"that part is already complete. 'pssr join --output OUT.tif' assembles the parts; the " +
			"result is the movie one run without --frames writes.")
	String frames;

	@Option(names = "--uncertainty", paramLabel = "DRAWS",
		description = "Add an uncertainty map as a second channel: the spread of the output over " +
			"DRAWS re-noisings of the input with the model's noise model (e.g. 8; each draw costs " +
			"one more super-resolution). 0: none (default).")
	int uncertainty;

	@Mixin
	OverwriteOption overwrite;

	@Override
	public Integer call() throws IOException {
		final Path input = movies.existing();
		final FrameRange range = frames == null ? null : FrameRange.parse(frames);
		if (range != null && Files.isDirectory(input)) throw new UserException(
			"--frames takes one movie, not a folder");
		final Logger log = ConsoleLogger.stdout();
		log.log(ComputeResources.current().describe());
		try (OpenModel opened = ModelFiles.open(model.model, model.device)) {
			final SuperresJob job = new SuperresJob(opened, SuperresSettings.builder().tile(model.tile)
				.bits(bits.bits).uncertainty(uncertainty).build());
			log.log("Model " + model.model.getFileName() + ": " + job.describe());
			if (Files.isDirectory(input)) {
				final List<Path> written = job.folder(input, output, model.movie.channel, MovieFiles.IMAGEJ,
					overwrite.rule(), log);
				System.out.println("Wrote " + written.size() + " movies to " + output);
				return ExitCodes.OK;
			}
			final Movie movie = MovieFiles.IMAGEJ.open(input, model.movie.channel);
			if (movie.slicesAsTime()) log.log(input.getFileName() +
				" has slices but no frames; the slices are taken as time points");
			if (range != null) {
				final boolean written = job.toPart(movie, model.model, input, model.movie.channel, range, output,
					overwrite.rule(), log);
				System.out.println((written ? "Wrote frames " : "Already done: frames ") + range + " of " +
					output + " in " + new MovieParts(output).tiff(range));
			}
			else {
				job.toFile(movie, input, output, overwrite.rule(), log);
				System.out.println("Wrote " + output);
			}
		}
		return ExitCodes.OK;
	}
}
