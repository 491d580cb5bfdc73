package org.pssr.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import ai.djl.Device;

import com.google.gson.JsonObject;

import org.pssr.crappify.Normalisation;
import org.pssr.crappify.io.ImageJTiffWriter;
import org.pssr.crappify.io.PixelFormat;
import org.pssr.crappify.synth.SyntheticFluorescenceMovie;
import org.pssr.train.ModelBundle;
import org.pssr.train.UNet;
import org.pssr.train.UNetConfig;

/** What the whole-movie workloads feed {@code pssr superres}: a model of random weights, a movie. */
final class BenchMovie {

	private BenchMovie() {}

	/** A 3-frame x4 bundle of {@code preset} with random weights: speed does not depend on them. */
	static Path model(final Path dir, final String preset) throws IOException {
		final Path model = dir.resolve(preset + ".pssr.zip");
		try (UNet net = new UNet(UNetConfig.preset(preset, TrainingSteps.FRAMES, TrainingSteps.SCALE),
			Device.cpu(), 1))
		{
			ModelBundle.save(model, net, Normalisation.PSSR, Optional.empty(), "bench", new JsonObject());
		}
		return model;
	}

	/** A synthetic 16-bit fluorescence movie, {@code side x side}, as an ImageJ TIFF. */
	static Path movie(final Path dir, final int side, final int frames) throws IOException {
		final Path movie = dir.resolve("movie-" + side + "x" + frames + ".tif");
		ImageJTiffWriter.save(new SyntheticFluorescenceMovie(side, side, frames, 11), movie,
			PixelFormat.UINT16);
		return movie;
	}
}
