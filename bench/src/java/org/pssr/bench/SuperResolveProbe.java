package org.pssr.bench;

import java.nio.file.Path;
import java.nio.file.Paths;

import ai.djl.Device;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.pssr.crappify.io.ImageJTiffWriter;
import org.pssr.crappify.io.PixelFormat;
import org.pssr.crappify.synth.SyntheticFluorescenceMovie;
import org.pssr.train.DjlSuperResolutionModel;
import org.pssr.train.UNet;
import org.pssr.train.UNetConfig;
import org.pssr.train.infer.SlidingWindow;

/**
 * Child-JVM main: {@code PRESET LR_SIDE FRAMES OUT.tif} super-resolves a synthetic movie frame by
 * frame (sliding 3-frame window, mirrored at the ends) into a streamed TIFF, the way {@code pssr
 * superres} works, so the peak RSS shows whether memory grows with the movie's length.
 */
public final class SuperResolveProbe {

	private SuperResolveProbe() {}

	public static void main(final String[] args) throws Exception {
		final String preset = args[0];
		final int side = Integer.parseInt(args[1]);
		final int frames = Integer.parseInt(args[2]);
		final Path out = Paths.get(args[3]);
		final SyntheticFluorescenceMovie movie = new SyntheticFluorescenceMovie(side, side, frames, 7);
		try (DjlSuperResolutionModel model = new DjlSuperResolutionModel(new UNet(UNetConfig.preset(
			preset, 3, TrainingSteps.SCALE), Device.cpu(), 1));
			ImageJTiffWriter writer = new ImageJTiffWriter(out, side * model.scale(), side * model.scale(),
				frames, PixelFormat.FLOAT32, movie.calibration().upsampled(model.scale())))
		{
			final int plane = side * side;
			final float[] window = new float[3 * plane];
			final SlidingWindow sliding = new SlidingWindow(3, frames);
			for (int t = 0; t < frames; t++) {
				final int[] indices = sliding.indices(t);
				for (int k = 0; k < indices.length; k++) {
					int i = 0;
					for (final FloatType v : Views.flatIterable(movie.frame(indices[k]))) {
						window[k * plane + i++] = v.get() / 1000f;
					}
				}
				final int hr = side * model.scale();
				writer.write(ArrayImgs.floats(model.predict(window, 1, side, side), hr, hr));
			}
		}
	}
}
