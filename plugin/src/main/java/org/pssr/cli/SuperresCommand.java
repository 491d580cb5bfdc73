package org.pssr.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.pssr.crappify.Movie;
import org.pssr.fiji.ImagePlusMovie;
import org.pssr.fiji.ModelFiles;
import org.pssr.fiji.MovieFiles;
import org.pssr.fiji.MovieSuperResolution;
import org.pssr.fiji.OpenModel;
import org.pssr.train.infer.ProgressListener;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "superres", mixinStandardHelpOptions = true,
	description = { "Super-resolve a movie (or every movie in a folder) with a trained model. The " +
		"output has as many frames as the input (the frame window is mirrored at the ends), the " +
		"input's intensity units and its calibration divided by the scale factor. Frames are " +
		"written as they are computed; nothing is left behind if the run fails." })
public final class SuperresCommand implements Callable<Integer> {

	@Option(names = "--model", required = true, paramLabel = "MODEL",
		description = "Trained model bundle (*.pssr.zip), TensorFlow SavedModel folder, or " +
			"bioimage.io package (.zip with rdf.yaml, TensorFlow weights).")
	Path model;

	@Option(names = "--input", required = true, paramLabel = "MOVIE|DIR",
		description = "Movie (TIFF, CZI) or folder of movies.")
	Path input;

	@Option(names = "--output", required = true, paramLabel = "OUT.tif|DIR",
		description = "Output TIFF; a folder when the input is a folder (NAME" +
			MovieSuperResolution.SUFFIX + " for each movie).")
	Path output;

	@Option(names = "--tile", defaultValue = "0", paramLabel = "N",
		description = "LR tile side in pixels; 0 picks it from the device memory (default), halved " +
			"automatically when the device runs out of memory.")
	int tile;

	@Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu",
		description = "Where the model runs (default: ${DEFAULT-VALUE}: the GPU if there is one).")
	String device;

	@Option(names = "--bits", defaultValue = "32", paramLabel = "32|16",
		description = "Output sample format: 32-bit float (default) or 16-bit unsigned.")
	int bits;

	@Option(names = "--channel", defaultValue = "1", paramLabel = "C",
		description = "Channel of a multi-channel movie, 1-based (default: ${DEFAULT-VALUE}).")
	int channel;

	@Override
	public Integer call() throws IOException {
		if (tile < 0) throw new UserException("--tile must be 0 (automatic) or a tile side in pixels");
		if (!Files.exists(input)) throw new UserException("no such movie or folder: " + input);
		final PrintStream err = System.err;
		try (OpenModel opened = ModelFiles.open(model, device)) {
			final MovieSuperResolution job = new MovieSuperResolution(opened, tile, bits);
			err.println("Model " + model.getFileName() + ": " + job.describe());
			if (Files.isDirectory(input)) {
				final List<Path> written = job.folder(input, output, channel, err::println, progress(err));
				System.out.println("Wrote " + written.size() + " movies to " + output);
			}
			else {
				if (input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize()))
					throw new UserException("the output would overwrite the input " + input);
				final Movie movie = MovieFiles.open(input, channel);
				if (movie instanceof ImagePlusMovie && ((ImagePlusMovie) movie).slicesAsTime()) err.println(
					input.getFileName() + " has slices but no frames; the slices are taken as time points");
				job.toFile(movie, output, progress(err));
				System.out.println("Wrote " + output);
			}
		}
		return ExitCodes.OK;
	}

	/** About twenty lines per movie, whatever its length. */
	static ProgressListener progress(final PrintStream out) {
		return (done, total) -> {
			final int step = Math.max(1, total / 20);
			if (done % step == 0 || done == total) out.println("  frame " + done + "/" + total);
		};
	}
}
