package org.pssr.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;
import ij.process.ColorProcessor;

import org.junit.jupiter.api.Test;
import org.pssr.app.EvaluateJob;
import org.pssr.app.NearestModel;
import org.pssr.crappify.Logger;
import org.pssr.imagej.ImagePlusMovie;
import org.pssr.testing.CodedMovies;
import org.pssr.train.eval.Evaluation;

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
		assertEquals(3, table.size());
		assertEquals("model", table.getStringValue("method", 0));
		assertEquals(evaluation.meanPsnr("bicubic"), table.getValue("PSNR (dB)", 1), 1e-9);
		assertTrue(table.getValue("PSNR (dB)", 1) > table.getValue("PSNR (dB)", 0),
			"bicubic of a smooth ramp beats pixel replication");
		final Plot plot = EvaluateModelCommand.plot(evaluation);
		assertEquals(4, plot.getXValues().length);
	}
}
