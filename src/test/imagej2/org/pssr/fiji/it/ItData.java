package org.pssr.fiji.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import ij.IJ;
import ij.ImagePlus;
import ij.plugin.Duplicator;

import org.pssr.cli.Main;
import org.pssr.crappify.io.Folders;
import org.pssr.testing.SharedData;

/**
 * The integration suite's inputs, made once per test JVM: small crops of the real movies (so a
 * macro runs through in seconds), a tiny model trained on them with the CLI, and bad inputs.
 */
final class ItData {

	static final int SIDE = 96;
	static final int FRAMES = 8;
	/** µm per pixel and s per frame written into the crops, to see them divided by the scale. */
	static final double PIXEL = 0.4;
	static final double INTERVAL = 60;

	private static Path folder;
	private static Path model;

	private ItData() {}

	/** A folder holding {@code nuclei.tif} (8-bit) and {@code cells.tif} (16-bit), 96 x 96 x 8. */
	static synchronized Path movies() throws IOException {
		if (folder != null) return folder;
		final Path dir = root().resolve("movies");
		Folders.deleteTree(dir);
		Files.createDirectories(dir);
		crop("mitocheck_nuclei.tif", 40, 40, dir.resolve("nuclei.tif"));
		crop("hela_gag_mvenus.tif", 50, 50, dir.resolve("cells.tif"));
		folder = dir;
		return folder;
	}

	private static Path root() throws IOException {
		return Files.createDirectories(Paths.get("target", "fiji-it", "data").toAbsolutePath());
	}

	private static void crop(final String real, final int x, final int y, final Path out) {
		final ImagePlus imp = IJ.openImage(SharedData.movie(real).toString());
		if (imp == null) throw new IllegalStateException("cannot open " + SharedData.movie(real));
		imp.setRoi(x, y, SIDE, SIDE);
		final ImagePlus crop = new Duplicator().run(imp, 1, FRAMES);
		crop.setDimensions(1, 1, FRAMES);
		crop.getCalibration().pixelWidth = PIXEL;
		crop.getCalibration().pixelHeight = PIXEL;
		crop.getCalibration().setUnit("micron");
		crop.getCalibration().frameInterval = INTERVAL;
		crop.getCalibration().setTimeUnit("sec");
		if (!IJ.saveAsTiff(crop, out.toString())) throw new IllegalStateException("cannot write " + out);
	}

	/** A tiny x4 model, trained once with {@code pssr train --movies} on {@link #movies()}. */
	static synchronized Path model() throws IOException {
		if (model != null) return model;
		final Path m = root().resolve("tiny.pssr.zip");
		Files.deleteIfExists(m);
		final int exit = Main.run("train", "--movies", movies().toString(), "--output", m.toString(),
			"--scale", "4", "--tile", "64", "--samples", "12", "--epochs", "1", "--batch", "4",
			"--device", "cpu");
		if (exit != 0) throw new IllegalStateException("pssr train exited with " + exit);
		model = m;
		return model;
	}

	/** A fresh, empty folder for one test's outputs. */
	static Path work(final String name) throws IOException {
		final Path dir = root().resolve("work").resolve(name);
		Folders.deleteTree(dir);
		return Files.createDirectories(dir);
	}

	/** A movie of only two frames, too short for a three-frame model. */
	static Path twoFrames() throws IOException {
		final Path out = root().resolve("two-frames.tif");
		final ImagePlus imp = IJ.openImage(movies().resolve("nuclei.tif").toString());
		final ImagePlus two = new Duplicator().run(imp, 1, 2);
		two.setDimensions(1, 1, 2);
		IJ.saveAsTiff(two, out.toString());
		return out;
	}

	/** A text file named like a model bundle. */
	static Path notAModel() throws IOException {
		return Files.write(root().resolve("notes.pssr.zip"), "not a model".getBytes(
			StandardCharsets.UTF_8));
	}
}
