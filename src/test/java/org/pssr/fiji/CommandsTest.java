package org.pssr.fiji;

import static org.pssr.testing.SameMovie.assertSameMovie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;
import ij.process.ColorProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.app.EvaluateJob;
import org.pssr.app.NearestModel;
import org.pssr.crappify.Logger;
import org.pssr.imagej.ImagePlusMovie;
import org.pssr.testing.CodedMovies;
import org.pssr.train.eval.Evaluation;
import org.pssr.train.eval.Method;

class CommandsTest {

	@Test
	void superResolveShowsAScaledCalibratedMovieAndTakesSlicesAsTime() throws IOException {
		final ImagePlus slices = CodedMovies.series(24, 20, 5);
		slices.setDimensions(1, 5, 1);
		final SuperResolveMovieCommand command = new SuperResolveMovieCommand();
		command.image = slices;
		command.modelfile = new File("test.pssr.zip");
		command.bits = "32";
		command.channel = 1;
		final ImagePlus result = command.superResolve(NearestModel.open(3, 4));
		assertEquals(96, result.getWidth());
		assertEquals(80, result.getHeight());
		assertEquals(5, result.getNFrames());
		assertEquals("series_pssr", result.getTitle());
		assertEquals(0.125, result.getCalibration().pixelWidth, 1e-9);
		assertEquals("micron", result.getCalibration().getUnit());
		result.setT(5);
		assertEquals(400 + 3 + 2, result.getProcessor().getf(12, 8), 1e-2);
	}

	@Test
	void aFrameRangeGivesThoseFramesInAWindowOrAsPartsThatJoinToTheWholeMovie(@TempDir final Path dir)
		throws IOException
	{
		final Path input = dir.resolve("series.tif");
		IJ.saveAsTiff(CodedMovies.series(24, 20, 5), input.toString());
		final Path model = Files.write(dir.resolve("test.pssr.zip"), new byte[] { 1 });
		final SuperResolveMovieCommand window = command(input, model, "2:4", null);
		final ImagePlus range = window.superResolve(NearestModel.open(3, 4));
		assertEquals(3, range.getNFrames());
		range.setT(1);
		assertEquals(100 + 3 + 2, range.getProcessor().getf(12, 8), 1e-2, "frame 2 first");

		final Path out = dir.resolve("out.tif");
		for (final String frames : new String[] { "1:2", "3:5" })
			assertEquals(frames.equals("1:2") ? 2 : 3, command(input, model, frames, out).superResolve(
				NearestModel.open(3, 4)).getNFrames());
		assertFalse(Files.exists(out), "parts only");
		final JoinPartsCommand join = new JoinPartsCommand();
		join.outputfile = out.toFile();
		join.deleteparts = true;
		join.run();
		assertFalse(join.isCanceled(), join.getCancelReason());
		assertEquals("wrote " + out + " from 2 parts", join.report);
		final Path whole = dir.resolve("whole.tif");
		command(input, model, "", whole).superResolve(NearestModel.open(3, 4));
		assertSameMovie(whole, out);
		assertFalse(Files.exists(dir.resolve("out.parts")));

		join.run();
		assertTrue(join.isCanceled());
		assertTrue(join.getCancelReason().contains("out.parts does not exist"), join.getCancelReason());
	}

	@Test
	void anEarlierOutputIsReplacedOnlyWithOverwriteAndAFileOfTheUsersNever(@TempDir final Path dir)
		throws IOException
	{
		final Path out = dir.resolve("out.tif");
		parts(dir, out);
		final JoinPartsCommand join = new JoinPartsCommand();
		join.outputfile = out.toFile();
		join.run();
		assertFalse(join.isCanceled(), join.getCancelReason());
		final byte[] joined = Files.readAllBytes(out);
		join.run();
		assertTrue(join.isCanceled() && join.getCancelReason().contains("is a TIFF pssr wrote before; " +
			"tick 'Replace an earlier output' (in a macro: add overwrite)"), join.getCancelReason());
		final JoinPartsCommand again = new JoinPartsCommand();
		again.outputfile = out.toFile();
		again.overwrite = true;
		again.run();
		assertFalse(again.isCanceled(), again.getCancelReason());
		assertTrue(java.util.Arrays.equals(joined, Files.readAllBytes(out)), "joined again, the same");

		final Path mine = Files.write(dir.resolve("mine.tif"), new byte[] { 7 });
		final JoinPartsCommand onto = new JoinPartsCommand();
		Files.move(dir.resolve("out.parts"), dir.resolve("mine.parts"));
		onto.outputfile = mine.toFile();
		onto.overwrite = true;
		onto.run();
		assertTrue(onto.isCanceled() && onto.getCancelReason().contains("not a TIFF pssr wrote"), onto
			.getCancelReason());
		assertTrue(java.util.Arrays.equals(new byte[] { 7 }, Files.readAllBytes(mine)));
	}

	@Test
	void aPartOfTheOpenImageIsRefusedForItRecordsNoFile(@TempDir final Path dir) {
		final SuperResolveMovieCommand command = command(null, dir.resolve("m.pssr.zip"), "1:2", dir
			.resolve("out.tif"));
		command.image = CodedMovies.series(24, 20, 5);
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> command
			.superResolve(NearestModel.open(3, 4)));
		assertTrue(e.getMessage().contains("give inputfile=[...]"), e.getMessage());
	}

	/** Frames 1:2 and 3:5 of a coded movie, as parts of {@code out}. */
	private static void parts(final Path dir, final Path out) throws IOException {
		final Path input = dir.resolve("series.tif");
		IJ.saveAsTiff(CodedMovies.series(24, 20, 5), input.toString());
		final Path model = Files.write(dir.resolve("test.pssr.zip"), new byte[] { 1 });
		for (final String frames : new String[] { "1:2", "3:5" })
			command(input, model, frames, out).superResolve(NearestModel.open(3, 4));
	}

	private static SuperResolveMovieCommand command(final Path input, final Path model,
		final String frames, final Path output)
	{
		final SuperResolveMovieCommand command = new SuperResolveMovieCommand();
		command.inputfile = input == null ? null : input.toFile();
		command.modelfile = model.toFile();
		command.outputfile = output == null ? null : output.toFile();
		command.frames = frames;
		command.bits = "32";
		command.channel = 1;
		return command;
	}

	@Test
	void anRgbMovieIsRefused() {
		final ImagePlus rgb = new ImagePlus("rgb", new ColorProcessor(16, 16));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Commands
			.movie(rgb, null, 1));
		assertTrue(e.getMessage().contains("RGB"), e.getMessage());
	}

	@Test
	void evaluateGivesARowPerMethodAndAPsnrPlot() throws IOException {
		final Evaluation evaluation = new EvaluateJob(NearestModel.open(3, 2), 0, 1).run(ImagePlusMovie
			.wrap(CodedMovies.series(64, 48, 4), 1), null, null, Logger.NONE);
		final ResultsTable table = EvaluateModelCommand.table(evaluation);
		assertEquals(Method.values().length, table.size());
		assertEquals("model", table.getStringValue("method", 0));
		final Method best = evaluation.bestClassical();
		assertEquals(best.label(), table.getStringValue("method", 1), "the best classical answer second");
		assertEquals(evaluation.meanPsnr(best), table.getValue("PSNR (dB)", 1), 1e-9);
		assertEquals(evaluation.meanPsnr(Method.MODEL) - evaluation.meanPsnr(best), table.getValue(
			"model's PSNR gain (dB)", 1), 1e-9);
		assertTrue(table.getValue("PSNR (dB)", 1) > table.getValue("PSNR (dB)", 0),
			"a smoothed bicubic of a smooth ramp beats pixel replication");
		assertTrue(table.getStringValue("what it is", 1).startsWith("best classical answer"));
		final Plot plot = EvaluateModelCommand.plot(evaluation);
		assertEquals(4, plot.getXValues().length);
		assertEquals(3, plot.getDataObjectDesignations().length, "model, best classical, bicubic");
	}
}
