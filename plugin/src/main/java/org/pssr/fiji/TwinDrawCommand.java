package org.pssr.fiji;

import java.io.File;

import org.pssr.app.TwinDraw;
import org.pssr.crappify.Degradations;
import org.pssr.crappify.TwinOptions;
import org.scijava.plugin.Parameter;
import org.scijava.widget.FileWidget;

/**
 * The parameters of how twins are drawn from HR movies ({@link TwinDraw}), shared by Generate Twin
 * Training Data and Train Model as the CLI's commands share one mixin: same names, same defaults.
 */
abstract class TwinDrawCommand extends AdvancedCommand {

	/** The recipes differ with the jars installed; the guide lists pssr's own. */
	static final String RECIPE_DESCRIPTION = "How a high-resolution tile is made low-resolution: " +
		"poisson (the default) downsamples, then adds shot and read noise, as a low-dose acquisition " +
		"has it; the crappifier guide (docs/crappifier.md) describes every recipe and its parameters.";

	@Advanced
	@Parameter(label = "Channel", min = "1", description = Descriptions.CHANNEL)
	int channel = TwinDraw.DEFAULTS.channel();

	@Advanced
	@Parameter(label = "Z-slices are the time series",
		description = "Take the slices of a Z-stack as the frames, for movies saved as Z instead of T.")
	boolean zastime = TwinDraw.DEFAULTS.zAsTime();

	@Parameter(label = "Scale factor", initializer = "listScales", description = Descriptions.SCALE)
	String scale = String.valueOf(TwinDraw.DEFAULTS.scale());

	@Advanced
	@Parameter(label = "Frames per sample", initializer = "listFrames",
		description = "How many consecutive frames the model sees at once: 3 (t-1, t, t+1, as PSSR) " +
			"uses the neighbours to tell structure from noise; 1 makes a single-image model.")
	String frames = String.valueOf(TwinDraw.DEFAULTS.frames());

	@Advanced
	@Parameter(label = "Tile size (HR pixels)", min = "8", description = Descriptions.TILE)
	int tile = TwinDraw.DEFAULTS.tile();

	@Advanced
	@Parameter(label = "Number of samples", min = "1", description = Descriptions.SAMPLES)
	int samples = TwinDraw.DEFAULTS.samples();

	@Parameter(label = "Degradation recipe", initializer = "listRecipes",
		description = RECIPE_DESCRIPTION)
	String recipe = TwinDraw.DEFAULTS.recipe();

	@Parameter(label = "Recipe file (optional)", required = false, style = FileWidget.OPEN_STYLE,
		persist = false,
		description = "A recipe file made by Calibrate Noise: your microscope's own noise. When " +
			"given, it is the recipe (the drop-down above is not used).")
	File recipefile;

	@Advanced
	@Parameter(label = "Recipe parameters (optional)", required = false,
		description = "Adjust the recipe with NAME=VALUE pairs separated by spaces, e.g. photons=20 " +
			"for poisson; each recipe's parameters are in the crappifier guide (docs/crappifier.md). " +
			"Empty: the recipe's defaults.")
	String param = "";

	@Advanced
	@Parameter(label = "Validation fraction", min = "0", max = "0.9", stepSize = "0.05",
		description = "Share of the frames (the last ones of each movie) and samples kept aside to " +
			"check the model on data it never trained on.")
	double validation = TwinDraw.DEFAULTS.validation();

	@Advanced
	@Parameter(label = "Minimum tile brightness", min = "0", stepSize = "0.01",
		description = "Tiles darker than this on average (the movie scaled to 0-1) are skipped and " +
			"drawn again, so that training is not spent on empty background.")
	double minsignal = TwinDraw.DEFAULTS.minSignal();

	@Advanced
	@Parameter(label = "Random flips and rotations",
		description = "Flip and rotate the tiles at random: more variety from the same movies.")
	boolean augment = TwinDraw.DEFAULTS.augment();

	TwinDrawCommand(final String about, final String section) {
		super(about, section);
	}

	/** The recipe's choices: those of the registry, a recipe another jar adds included. */
	void listRecipes() {
		choices("recipe", Degradations.names());
	}

	/** The tuple lengths the twin draw takes. */
	void listFrames() {
		choices("frames", TwinOptions.FRAMES);
	}

	TwinDraw draw() {
		return TwinDraw.builder().scale(Integer.parseInt(scale)).frames(Integer.parseInt(frames)).tile(
			tile).samples(samples).recipe(recipefile != null && !recipefile.getPath().isEmpty() ? recipefile
				.getPath() : recipe).parameters(TwinDraw.parameters(param == null ? "" : param)).channel(
					channel).validation(validation).minSignal(minsignal).augment(augment).zAsTime(zastime)
			.build();
	}
}
