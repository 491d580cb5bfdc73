package org.pssr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ShortProcessor;

import com.google.gson.JsonObject;

import ai.djl.Device;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.pssr.train.ModelBundle;
import org.pssr.crappify.Normalisation;
import org.pssr.train.UNet;
import org.pssr.train.UNetConfig;

class SuperresCommandTest {

	@TempDir
	Path dir;

	private Path movie() {
		return movie("in.tif", 16, 3);
	}

	/** Bright moving squares on a dim background, 16-bit, 0.4 µm pixels. */
	private Path movie(final String name, final int side, final int frames) {
		final ImageStack stack = new ImageStack(side, side);
		for (int t = 0; t < frames; t++) {
			final ShortProcessor ip = new ShortProcessor(side, side);
			ip.add(100);
			ip.setValue(1000);
			ip.fillRect(side / 4 + t, side / 3, side / 4, side / 5);
			stack.addSlice(ip);
		}
		final ImagePlus imp = new ImagePlus(name, stack);
		imp.setDimensions(1, 1, frames);
		imp.getCalibration().pixelWidth = 0.4;
		imp.getCalibration().pixelHeight = 0.4;
		imp.getCalibration().setUnit("micron");
		final Path file = dir.resolve(name);
		IJ.saveAsTiff(imp, file.toString());
		return file;
	}

	private Path bundle(final int frames) throws IOException {
		final Path file = dir.resolve("small" + frames + ".pssr.zip");
		try (UNet net = new UNet(UNetConfig.preset("small", frames, 2), Device.cpu(), 1)) {
			ModelBundle.save(file, net, Normalisation.PSSR, java.util.Optional.empty(), "test",
				new JsonObject());
		}
		return file;
	}

	@Test
	void superResolvesWithARealBundleAndEvaluatesIt() throws IOException {
		final Path model = bundle(3);
		final Path out = dir.resolve("out.tif");
		CliRun.stderr(ExitCodes.OK, "superres", "--model", model.toString(), "--input", movie("m.tif", 40, 4)
			.toString(), "--output", out.toString(), "--device", "cpu", "--bits", "16");
		final ImagePlus result = IJ.openImage(out.toString());
		assertEquals(80, result.getWidth());
		assertEquals(4, result.getNFrames());
		assertEquals(16, result.getBitDepth());
		assertEquals(0.2, result.getCalibration().pixelWidth, 1e-9);

		final Path csv = dir.resolve("scores.csv");
		CliRun.stderr(ExitCodes.OK, "evaluate", "--model", model.toString(), "--truth", movie("hr.tif", 64, 3)
			.toString(), "--csv", csv.toString(), "--device", "cpu");
		final List<String> lines = Files.readAllLines(csv);
		assertEquals(4, lines.size());
		assertTrue(lines.get(0).startsWith("frame,psnr_model,ssim_model,psnr_bicubic+blur"), lines.get(0));

		final Path figure = dir.resolve("figure.png");
		CliRun.stderr(ExitCodes.OK, "evaluate", "--model", model.toString(), "--truth", dir.resolve("hr.tif")
			.toString(), "--figure", figure.toString(), "--figure-frame", "3", "--device", "cpu");
		final ImagePlus png = IJ.openImage(figure.toString());
		assertEquals(6 * 64 + 7 * 8, png.getWidth(), "six panels of the 64-pixel truth (LR input, " +
			"bicubic, the best classical answer, model, truth, error)");
		final String err = CliRun.stderr(ExitCodes.USAGE, "evaluate", "--model", model.toString(), "--truth", dir
			.resolve("hr.tif").toString(), "--figure-frame", "3", "--device", "cpu");
		assertTrue(err.contains("give --figure too"), err);
	}

	@Test
	void aFiveFrameModelOnATwoFrameMovieIsRefusedWithoutOutput() throws IOException {
		final Path out = dir.resolve("out.tif");
		final String err = CliRun.stderr(ExitCodes.USAGE, "superres", "--model", bundle(5).toString(), "--input",
			movie("two.tif", 32, 2).toString(), "--output", out.toString(), "--device", "cpu");
		assertTrue(err.contains("5 frames") && err.contains("only 2"), err);
		assertFalse(Files.exists(out));
	}

	@Test
	void aMissingModelIsAUsageErrorInOneLine() {
		final String err = CliRun.stderr(ExitCodes.USAGE, "superres", "--model", dir.resolve("none.pssr.zip")
			.toString(), "--input", movie().toString(), "--output", dir.resolve("out.tif").toString());
		assertTrue(err.startsWith("pssr: ") && err.contains("none.pssr.zip"), err);
		assertEquals(1, err.trim().split("\n").length, err);
		assertFalse(Files.exists(dir.resolve("out.tif")));
	}

	@Test
	void aFileThatIsNotAModelIsRefusedAndNothingIsWritten() throws IOException {
		final Path notAModel = Files.write(dir.resolve("m.pssr.zip"), new byte[] { 1, 2, 3 });
		final String err = CliRun.stderr(ExitCodes.USAGE, "superres", "--model", notAModel.toString(), "--input",
			movie().toString(), "--output", dir.resolve("out.tif").toString());
		assertTrue(err.startsWith("pssr: ") && err.contains("m.pssr.zip"), err);
		assertFalse(Files.exists(dir.resolve("out.tif")));
	}

	@Test
	void aMissingInputIsAUsageError() {
		final String err = CliRun.stderr(ExitCodes.USAGE, "superres", "--model", "m.pssr.zip", "--input", dir
			.resolve("nothing.tif").toString(), "--output", dir.resolve("out.tif").toString());
		assertTrue(err.contains("nothing.tif"), err);
	}

	@Test
	void evaluateNeedsATruthMovie() {
		final String err = CliRun.stderr(ExitCodes.USAGE, "evaluate", "--model", "m.pssr.zip");
		assertTrue(err.contains("--truth"), err);
	}
}
