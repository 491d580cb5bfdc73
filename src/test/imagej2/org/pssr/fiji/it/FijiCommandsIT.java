package org.pssr.fiji.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pssr.testing.SharedData;

/**
 * The commands inside a real ImageJ2 with the legacy layer, as macros and users reach them: a CZI
 * through Bio-Formats, the macro recorder, failures that stop the macro, and CSBDeep's TensorFlow
 * 1.15 beside pssr's.
 */
class FijiCommandsIT {

	private static final long TIMEOUT = 600;

	@Test
	void aCziOpensThroughBioFormatsInsideACommandWithPssrsPixels() throws Exception {
		final FijiInstall.Result r = FijiInstall.get().run(TIMEOUT, "check",
			"org.pssr.fiji.FijiChecks#bioFormatsCzi", SharedData.czi(
				"CellDivision_T3_Z5_CH2_X240_Y170.czi").toString(), "2");
		assertTrue(r.result().startsWith("ok"), r.toString());
	}

	/** The macro a user writes, with one bad input; what it says, and what it must not do. */
	private static void assertStopsTheMacro(final String setup, final String options,
		final Path output, final String reason) throws Exception
	{
		final FijiInstall.Result r = FijiInstall.get().run(TIMEOUT, "eval", setup +
			"run(\"Super-Resolve Movie\", \"" + options + " outputfile=[" + output +
			"] tile=0 device=cpu bits=32 channel=1\"); print(\"AFTER\");");
		assertTrue(r.result().startsWith("aborted") && r.result().contains(reason), r.toString());
		assertFalse(r.output.contains("AFTER"), "the macro went on:\n" + r);
		assertFalse(Files.exists(output), output + " was written");
		assertEquals(1, r.output.split(reason, -1).length - 2, "said once in the output, apart from " +
			"the harness's result line:\n" + r);
	}

	@Test
	void aFailingCommandStopsItsMacroWithTheReason() throws Exception {
		final Path out = ItData.work("bad-model").resolve("out.tif");
		assertStopsTheMacro("", "inputfile=[" + ItData.movies().resolve("nuclei.tif") +
			"] modelfile=[/nonexistent/model.pssr.zip]", out, "no such model");
	}

	@Test
	void badInputInsideFijiGivesOneClearMessageAndWritesNothing() throws Exception {
		final Path work = ItData.work("bad-input");
		final String movie = ItData.movies().resolve("nuclei.tif").toString();
		final String model = ItData.model().toString();
		assertStopsTheMacro("", "modelfile=[" + model + "]", work.resolve("no-image.tif"),
			"no movie");
		assertStopsTheMacro("", "inputfile=[" + movie + "] modelfile=[" + ItData.notAModel() + "]",
			work.resolve("not-a-model.tif"), "not a model bundle");
		assertStopsTheMacro("newImage(\"colour\", \"RGB ramp\", 64, 64, 4); ", "modelfile=[" + model +
			"]", work.resolve("rgb.tif"), "is an RGB/colour image");
		assertStopsTheMacro("", "inputfile=[" + ItData.twoFrames() + "] modelfile=[" + model + "]",
			work.resolve("two-frames.tif"), "only 2 frames");
	}

	@Test
	void superResolutionOpensACalibratedMovieAndEvaluationWritesItsTable() throws Exception {
		final Path work = ItData.work("image-and-table");
		final Path csv = work.resolve("scores.csv");
		final String model = ItData.model().toString();
		final FijiInstall.Result r = FijiInstall.get().run(TIMEOUT, "eval", "open(\"" + ItData.movies()
			.resolve("nuclei.tif") + "\"); run(\"Super-Resolve Movie\", \"modelfile=[" + model +
			"] tile=0 device=cpu bits=32 channel=1\"); getPixelSize(unit, pw, ph); " +
			"print(\"IMAGE \" + getTitle() + \" \" + getWidth() + \" \" + nSlices + \" \" + pw + \" \" + unit); " +
			"run(\"Evaluate Model\", \"inputfile=[" + ItData.movies().resolve("cells.tif") +
			"] modelfile=[" + model + "] csvfile=[" + csv + "] figurefile=[" + work.resolve("figure.png") +
			"] tile=0 device=cpu channel=1 seed=1\");");
		assertEquals("ok", r.result(), r.toString());
		assertTrue(r.output.contains("IMAGE nuclei_pssr " + 4 * ItData.SIDE + " " + ItData.FRAMES +
			" 0.1 micron"), r.toString());
		assertTrue(r.output.contains("bicubic") && r.output.contains("PSNR"), r.toString());
		final List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
		assertEquals(1 + ItData.FRAMES, rows.size(), rows.toString());
		assertTrue(rows.get(0).startsWith("frame,psnr_model,ssim_model"), rows.get(0));
		final ij.ImagePlus figure = new ij.io.Opener().openImage(work.resolve("figure.png").toString());
		assertTrue(figure != null && figure.getWidth() > 5 * ItData.SIDE, "no figure of five panels");
	}

	@Test
	void anOptionAMacroLeavesOutTakesItsDefaultNotTheLastRunsValue() throws Exception {
		final Path work = ItData.work("defaults");
		final String common = "inputfile=[" + ItData.movies().resolve("nuclei.tif") + "] modelfile=[" +
			ItData.model() + "] tile=0 device=cpu channel=1";
		final FijiInstall.Result r = FijiInstall.get().run(TIMEOUT, "eval",
			"run(\"Super-Resolve Movie\", \"" + common + " bits=16 outputfile=[" + work.resolve(
				"first.tif") + "]\"); run(\"Super-Resolve Movie\", \"" + common + " outputfile=[" + work
					.resolve("second.tif") + "]\");");
		assertEquals("ok", r.result(), r.toString());
		assertEquals(16, new ij.io.Opener().openImage(work.resolve("first.tif").toString())
			.getBitDepth());
		assertEquals(32, new ij.io.Opener().openImage(work.resolve("second.tif").toString())
			.getBitDepth(), "bits left out: the default (32), not the last run's 16");
	}

	@Test
	void fijisTensorFlow115AndPssrsTensorFlowWorkInOneJvm() throws Exception {
		final Path out = ItData.work("tensorflow").resolve("savedmodel");
		final FijiInstall.Result r = FijiInstall.get().run(TIMEOUT, "check",
			"org.pssr.fiji.FijiChecks#tensorFlowSideBySide", ItData.model().toString(), out.toString());
		assertTrue(r.result().startsWith("ok"), r.toString());
	}

	@Test
	void aRecordedCommandReplaysToTheSameMovie() throws Exception {
		final Path work = ItData.work("recorder");
		final Path recorded = work.resolve("recorded.tif");
		final Path answers = Files.write(work.resolve("answers.txt"), List.of("inputfile=" + ItData
			.movies().resolve("nuclei.tif"), "modelfile=" + ItData.model(), "outputfile=" + recorded,
			"tile=0", "device=cpu", "bits=32", "channel=1"), StandardCharsets.UTF_8);
		final FijiInstall.Result r = FijiInstall.get().run(TIMEOUT, true, List.of("-Dpssr.it.user=" +
			answers), "check", "org.pssr.fiji.FijiChecks#recorderRoundTrip", recorded.toString(), work
				.resolve("replayed.tif").toString());
		assertTrue(r.result().startsWith("ok"), r.toString());
	}
}
