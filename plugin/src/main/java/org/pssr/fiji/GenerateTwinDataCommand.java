package org.pssr.fiji;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import org.pssr.app.CrappifyJob;
import org.pssr.app.SourceMovies;
import org.pssr.app.TwinDraw;
import org.pssr.crappify.SourceMovie;
import org.pssr.crappify.Split;
import org.pssr.crappify.TwinCrappifier;
import org.pssr.crappify.TwinSample;
import org.pssr.imagej.ImageJLogger;
import org.pssr.imagej.ImagePlusMovie;
import org.pssr.imagej.MovieFiles;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.ui.UIService;

/**
 * Plugins > PSSR > Generate Twin Training Data: the Fiji face of {@code pssr crappify}. Input is
 * the current image, or movie files/folders separated by ';' (macro-friendly); the options and
 * the job ({@link CrappifyJob}) of the CLI.
 */
@Plugin(type = Command.class, menuPath = "Plugins>PSSR>Generate Twin Training Data",
	headless = true)
public final class GenerateTwinDataCommand extends TwinDrawCommand {

	static final String PREVIEW = "PSSR twin preview: HR | X1 | X2";
	/** Shown zoomed in to at least this height: tiles are small. */
	private static final int PREVIEW_HEIGHT = 160;

	@Parameter
	private UIService ui;

	@Parameter(label = "Movie (open image)", required = false, persist = false,
		description = "The high-resolution movie to make training data from, when no files are " +
			"given below.")
	private ImagePlus image;

	@Parameter(label = "Movie files (empty: the open image)", required = false, persist = false,
		description = "High-resolution movies (TIFF, CZI) or folders of them, separated by ';', " +
			"instead of the open image. Leave it empty to use the open image.")
	private String inputs = "";

	@Advanced
	@Parameter(label = "Random seed",
		description = "The same seed, movies and options give the same dataset.")
	private long seed = 1;

	@Advanced
	@Parameter(label = "Worker threads (0 = all)", min = "0",
		description = "Processor threads used to make the data; 0 uses all of them.")
	private int threads;

	@Parameter(label = "Output folder", style = "directory", persist = false,
		description = "Where the dataset goes: a new or empty folder, or an earlier dataset " +
			"(replaced only once you confirm it). Give it to Train Model.")
	private File output;

	@Parameter(label = "Show a preview tile",
		description = "Before writing, show one high-resolution tile next to its two degraded " +
			"twins, to check the recipe.")
	private boolean preview = true;

	@Parameter(type = ItemIO.OUTPUT)
	private String summary;

	public GenerateTwinDataCommand() {
		super("<b>Make training data</b> from high-resolution (HR) movies: random HR tiles, each " +
			"with two independent low-resolution degradations of it and its neighbouring frames " +
			"(<i>twins</i>). Use the open movie or movie files; then train on the output folder " +
			"with <i>Train Model</i>.", "generate-twin-training-data");
	}

	@Override
	void execute() throws IOException {
		final TwinDraw draw = draw();
		final CrappifyJob job = new CrappifyJob(draw, seed, threads);
		job.check(output.toPath(), List.of(), Commands.rule(overwrite));
		final TwinCrappifier crappifier = job.crappifier(sources());
		if (preview && !GraphicsEnvironment.isHeadless() && !ui.isHeadless()) {
			Commands.showAtLeast(preview(crappifier.draw(Split.TRAIN, 0, 0)), PREVIEW_HEIGHT);
		}
		summary = job.write(crappifier, output.toPath(), ImageJLogger.INSTANCE);
		IJ.log("PSSR: " + summary);
	}

	private List<SourceMovie> sources() throws IOException {
		if (inputs != null && !inputs.trim().isEmpty()) return SourceMovies.open(SourceMovies.expand(
			SourceMovies.split(inputs)), channel, zastime, MovieFiles.IMAGEJ);
		if (image == null) throw new IllegalArgumentException("open a movie or give movie files");
		return List.of(ImagePlusMovie.source(image, channel, zastime));
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
		return new ImagePlus(PREVIEW, montage);
	}
}
