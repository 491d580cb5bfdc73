package org.pssr.cli;

import java.util.Map;

import org.pssr.app.TwinDraw;

import picocli.CommandLine.Option;

/**
 * How twins are drawn from HR movies ({@link TwinDraw}), shared by {@code crappify} (which stores
 * them) and {@code train --movies} (which draws them on the fly), so both take the same options.
 * Their defaults are {@link TwinDraw#DEFAULTS}: a command that mixes these in names
 * {@link SettingDefaults} as its default value provider.
 */
final class TwinDrawOptions {

	@Option(names = "--scale", description = "2, 4 or 8 (default: ${DEFAULT-VALUE}).")
	int scale;

	@Option(names = "--frames", description = "Frames per tuple: 1, 3 or 5 (default: ${DEFAULT-VALUE}).")
	int frames;

	@Option(names = "--tile", description = "HR tile edge in pixels (default: ${DEFAULT-VALUE}).")
	int tile;

	@Option(names = "--samples",
		description = "Twin samples in all, training plus validation; per epoch when drawn on the fly (default: ${DEFAULT-VALUE}).")
	int samples;

	@Option(names = "--recipe", completionCandidates = RecipeHelp.Keys.class,
		description = "${COMPLETION-CANDIDATES}, or a recipe file from 'pssr calibrate' (your microscope's noise) (default: ${DEFAULT-VALUE}; " +
			"the recipes are listed below).")
	String recipe;

	@Option(names = "--param", paramLabel = "NAME=VALUE",
		description = "Recipe parameter, repeatable: the recipe's parameters are listed below.")
	Map<String, Double> parameters;

	@Option(names = "--channel", description = "1-based channel (default: ${DEFAULT-VALUE}).")
	int channel;

	@Option(names = "--validation", description = "Fraction of frames (the last of each movie) and of samples held out for validation (default: ${DEFAULT-VALUE}).")
	double validation;

	@Option(names = "--min-signal", description = "Redraw tiles whose normalised HR mean is below this (default: ${DEFAULT-VALUE}).")
	double minSignal;

	@Option(names = "--augment", negatable = true, fallbackValue = "true",
		description = "Random flips and 90° rotations (default); --no-augment: none.")
	boolean augment;

	@Option(names = "--z-as-time", description = "Use the slices of a Z-stack as the sequence.")
	boolean zAsTime;

	TwinDraw draw() {
		return TwinDraw.builder().scale(scale).frames(frames).tile(tile).samples(samples).recipe(recipe)
			.parameters(parameters).channel(channel).validation(validation).minSignal(minSignal).augment(
				augment).zAsTime(zAsTime).build();
	}
}
