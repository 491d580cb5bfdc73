package org.pssr.fiji;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import org.pssr.crappify.Degradation;
import org.pssr.crappify.Degradations;
import org.pssr.crappify.SourceMovie;
import org.pssr.crappify.Split;
import org.pssr.crappify.TwinCrappifier;
import org.pssr.crappify.TwinDatasetWriter;
import org.pssr.crappify.TwinOptions;
import org.pssr.crappify.TwinSample;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.ui.UIService;

/**
 * Plugins > PSSR > Generate Twin Training Data: the Fiji face of {@code pssr crappify}. Input is
 * the current image, or movie files/folders separated by ';' (macro-friendly), and the dataset is
 * written by the same {@link TwinDatasetWriter} as the CLI.
 */
@Plugin(type = Command.class, menuPath = "Plugins>PSSR>Generate Twin Training Data",
	headless = true)
public final class GenerateTwinDataCommand extends ContextCommand {

	@Parameter
	private StatusService status;

	@Parameter
	private UIService ui;

	@Parameter(label = "Movie (used when no files are given)", required = false, persist = false)
	private ImagePlus image;

	@Parameter(label = "Movie files or folders (';'-separated, optional)", required = false,
		persist = false)
	private String inputs = "";

	@Parameter(label = "Channel", min = "1")
	private int channel = 1;

	@Parameter(label = "Use Z-slices as the sequence")
	private boolean zastime;

	@Parameter(label = "Scale factor", choices = { "2", "4", "8" })
	private String scale = "4";

	@Parameter(label = "Frames per tuple", choices = { "1", "3", "5" })
	private String frames = "3";

	@Parameter(label = "HR tile size (px)", min = "8")
	private int tile = 128;

	@Parameter(label = "Number of twin samples", min = "1")
	private int samples = 1000;

	@Parameter(label = "Recipe", choices = { "pssr", "poisson" })
	private String recipe = "pssr";

	@Parameter(label = "Random seed")
	private long seed = 1;

	@Parameter(label = "Validation fraction", min = "0", max = "0.9")
	private double validation = 0.1;

	@Parameter(label = "Output folder", style = "directory", persist = false)
	private File output;

	@Parameter(label = "Show a preview tile (HR | X1 | X2)")
	private boolean preview = true;

	@Parameter(type = ItemIO.OUTPUT)
	private String summary;

	@Override
	public void run() {
		try {
			TwinDatasetWriter.checkOutput(output.toPath());
			final Degradation degradation = Degradations.create(recipe, Integer.parseInt(scale),
				Collections.emptyMap());
			final TwinOptions options = new TwinOptions().frames(Integer.parseInt(frames)).tile(tile)
				.seed(seed).validation(validation);
			final TwinCrappifier crappifier = new TwinCrappifier(sources(), degradation, options);
			if (preview && !GraphicsEnvironment.isHeadless() && !ui.isHeadless()) {
				preview(crappifier.draw(Split.TRAIN, 0, 0)).show();
			}
			final int valid = TwinDatasetWriter.validationCount(samples, validation);
			if (validation > 0 && valid == 0) {
				throw new IllegalArgumentException("need at least 2 samples to hold out validation ones");
			}
			new TwinDatasetWriter(crappifier, Runtime.getRuntime().availableProcessors(), (done,
				total) -> status.showProgress((int) done, (int) total)).write(output.toPath(), samples -
					valid, valid);
			summary = "Wrote " + output + ": " + (samples - valid) + " training + " + valid +
				" validation twins, " + crappifier.describe();
			status.showStatus("PSSR: " + summary);
			IJ.log("PSSR: " + summary);
		}
		catch (final IllegalArgumentException | IOException e) {
			Commands.fail(this, e);
		}
		finally {
			status.clearStatus();
		}
	}

	private List<SourceMovie> sources() throws IOException {
		if (inputs != null && !inputs.trim().isEmpty()) {
			final List<Path> paths = new ArrayList<>();
			for (final String p : inputs.split(";")) {
				if (!p.trim().isEmpty()) paths.add(Path.of(p.trim()));
			}
			return SourceMovies.open(SourceMovies.expand(paths), channel, zastime);
		}
		if (image == null) throw new IllegalArgumentException("open a movie or give movie files");
		return List.of(SourceMovies.of(image, channel, zastime));
	}

	/** HR centre tile, then X1 and X2 (centre frame) upsampled to it, side by side. */
	static ImagePlus preview(final TwinSample s) {
		final int w = s.hrWidth();
		final int h = s.hrHeight();
		final FloatProcessor montage = new FloatProcessor(3 * w, h);
		montage.insert(new FloatProcessor(w, h, s.target()), 0, 0);
		final int c = s.frames() / 2;
		final int lr = s.lrWidth() * s.lrHeight();
		int x = w;
		for (final float[] chw : new float[][] { s.x1(), s.x2() }) {
			final float[] centre = new float[lr];
			System.arraycopy(chw, c * lr, centre, 0, lr);
			final ImageProcessor up = new FloatProcessor(s.lrWidth(), s.lrHeight(), centre);
			up.setInterpolationMethod(ImageProcessor.BICUBIC);
			montage.insert(up.resize(w, h), x, 0);
			x += w;
		}
		montage.resetMinAndMax();
		return new ImagePlus("PSSR twin preview: HR | X1 | X2", montage);
	}
}
