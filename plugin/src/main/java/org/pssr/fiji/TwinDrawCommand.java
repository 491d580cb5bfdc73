package org.pssr.fiji;

import org.pssr.app.TwinDraw;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;

/**
 * The parameters of how twins are drawn from HR movies ({@link TwinDraw}), shared by Generate Twin
 * Training Data and Train Model as the CLI's commands share one mixin: same names, same defaults.
 */
abstract class TwinDrawCommand extends ContextCommand {

	@Parameter(label = "Channel", min = "1")
	int channel = 1;

	@Parameter(label = "Use Z-slices as the sequence")
	boolean zastime;

	@Parameter(label = "Scale factor", choices = { "2", "4", "8" })
	String scale = "4";

	@Parameter(label = "Frames per tuple", choices = { "1", "3", "5" })
	String frames = "3";

	@Parameter(label = "HR tile size (px)", min = "8")
	int tile = 128;

	@Parameter(label = "Twin samples (training + validation; per epoch on the fly)", min = "1")
	int samples = 1000;

	@Parameter(label = "Recipe", choices = { "pssr", "poisson" })
	String recipe = "pssr";

	@Parameter(label = "Recipe parameters (NAME=VALUE ..., optional)", required = false)
	String param = "";

	@Parameter(label = "Validation fraction", min = "0", max = "0.9")
	double validation = 0.1;

	@Parameter(label = "Minimum signal of a tile", min = "0")
	double minsignal = 0.05;

	@Parameter(label = "Random flips and rotations")
	boolean augment = true;

	TwinDraw draw() {
		final TwinDraw draw = new TwinDraw();
		draw.scale = Integer.parseInt(scale);
		draw.frames = Integer.parseInt(frames);
		draw.tile = tile;
		draw.samples = samples;
		draw.recipe = recipe;
		draw.parameters = TwinDraw.parameters(param == null ? "" : param);
		draw.channel = channel;
		draw.validation = validation;
		draw.minSignal = minsignal;
		draw.augment = augment;
		draw.zAsTime = zastime;
		return draw;
	}
}
