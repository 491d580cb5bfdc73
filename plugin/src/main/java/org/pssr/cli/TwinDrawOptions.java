package org.pssr.cli;

import java.util.Map;

import org.pssr.app.TwinDraw;

import picocli.CommandLine.Option;

/**
 * How twins are drawn from HR movies ({@link TwinDraw}), shared by {@code crappify} (which stores
 * them) and {@code train --movies} (which draws them on the fly), so both take the same options.
 */
final class TwinDrawOptions {

	@Option(names = "--scale", defaultValue = "4", description = "2, 4 or 8 (default: ${DEFAULT-VALUE}).")
	int scale;

	@Option(names = "--frames", defaultValue = "3", description = "Frames per tuple: 1, 3 or 5 (default: ${DEFAULT-VALUE}).")
	int frames;

	@Option(names = "--tile", defaultValue = "128", description = "HR tile edge in pixels (default: ${DEFAULT-VALUE}).")
	int tile;

	@Option(names = "--samples", defaultValue = "1000",
		description = "Twin samples in all, training plus validation; per epoch when drawn on the fly (default: ${DEFAULT-VALUE}).")
	int samples;

	@Option(names = "--recipe", defaultValue = TwinDraw.DEFAULT_RECIPE,
		completionCandidates = RecipeHelp.Keys.class, description = "${COMPLETION-CANDIDATES}, or a " +
			"recipe file from 'pssr calibrate' (your microscope's noise) (default: ${DEFAULT-VALUE}; " +
			"the recipes are listed below).")
	String recipe;

	@Option(names = "--param", paramLabel = "NAME=VALUE",
		description = "Recipe parameter, repeatable: the recipe's parameters are listed below.")
	Map<String, Double> parameters;

	@Option(names = "--channel", defaultValue = "1", description = "1-based channel (default: ${DEFAULT-VALUE}).")
	int channel;

	@Option(names = "--validation", defaultValue = "0.1", description = "Fraction of frames (the last of each movie) and of samples held out for validation (default: ${DEFAULT-VALUE}).")
	double validation;

	@Option(names = "--min-signal", defaultValue = "0.05", description = "Redraw tiles whose normalised HR mean is below this (default: ${DEFAULT-VALUE}).")
	double minSignal;

	@Option(names = "--augment", negatable = true, defaultValue = "true", fallbackValue = "true",
		description = "Random flips and 90° rotations (default); --no-augment: none.")
	boolean augment;

	@Option(names = "--z-as-time", description = "Use the slices of a Z-stack as the sequence.")
	boolean zAsTime;

	TwinDraw draw() {
		final TwinDraw d = new TwinDraw();
		d.scale = scale;
		d.frames = frames;
		d.tile = tile;
		d.samples = samples;
		d.recipe = recipe;
		d.parameters = parameters == null ? Map.of() : parameters;
		d.channel = channel;
		d.validation = validation;
		d.minSignal = minSignal;
		d.augment = augment;
		d.zAsTime = zAsTime;
		return d;
	}
}
