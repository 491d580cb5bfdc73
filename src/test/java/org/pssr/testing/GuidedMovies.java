package org.pssr.testing;

import java.nio.file.Path;

import org.pssr.cli.Main;

/**
 * Movies for the guided path, made with the command line as a user could make them: a raw
 * low-resolution acquisition ({@code pssr simulate} of a synthetic scene: 64 x 64 pixels, a camera's
 * shot and read noise, an optics blur) and two high-resolution movies of other scenes of the same
 * kind of sample, four times finer.
 */
public final class GuidedMovies {

	/** Frames of every movie. */
	public static final int FRAMES = 8;
	/**
	 * Side of the low-resolution movie; the HR movies have four times as many pixels a side, as the
	 * blur's measurement needs.
	 */
	public static final int LR_SIDE = 64;

	public final Path lr;
	public final Path hr1;
	public final Path hr2;

	private GuidedMovies(final Path dir) {
		lr = dir.resolve("lr.tif");
		hr1 = dir.resolve("hr1.tif");
		hr2 = dir.resolve("hr2.tif");
	}

	public static GuidedMovies write(final Path dir) {
		final GuidedMovies m = new GuidedMovies(dir);
		final Path scene = dir.resolve("scene.tif");
		final String frames = String.valueOf(FRAMES);
		final String side = String.valueOf(4 * LR_SIDE);
		run("synth", scene.toString(), "--frames", frames, "--width", side, "--height", side, "--seed",
			"1");
		run("simulate", "--input", scene.toString(), "--output", m.lr.toString(), "--photons", "200",
			"--psf", "6");
		run("synth", m.hr1.toString(), "--frames", frames, "--width", side, "--height", side,
			"--seed", "2");
		run("synth", m.hr2.toString(), "--frames", frames, "--width", side, "--height", side,
			"--seed", "3");
		return m;
	}

	private static void run(final String... args) {
		final int exit = Main.run(args);
		if (exit != 0) throw new IllegalStateException("pssr " + String.join(" ", args) + " exited " +
			exit);
	}
}
