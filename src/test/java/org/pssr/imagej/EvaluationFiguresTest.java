package org.pssr.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import ij.ImagePlus;

import org.junit.jupiter.api.Test;
import org.pssr.app.EvaluateJob;
import org.pssr.app.NearestModel;
import org.pssr.crappify.Logger;
import org.pssr.crappify.Movie;
import org.pssr.testing.CodedMovies;
import org.pssr.train.eval.EvaluationFigure;

class EvaluationFiguresTest {

	private static final Movie TRUTH = ImagePlusMovie.wrap(CodedMovies.series(64, 48, 4), 1);

	private static EvaluationFigure figure(final int frame) throws IOException {
		final EvaluateJob job = new EvaluateJob(NearestModel.open(3, 2), 0, 1).withFigure(frame, null);
		job.run(TRUTH, null, null, Logger.NONE);
		return job.figure();
	}

	@Test
	void theFigureShowsTheChosenFrameAndKymographsOfTheSameRowThroughTime() throws IOException {
		final EvaluationFigure f = figure(2);
		assertEquals(1, f.chosenFrame());
		assertEquals(4, f.frames());
		assertEquals(64, f.hrWidth());
		assertEquals(32, f.lrWidth());
		assertEquals(24, f.kymographRow());
		assertEquals(32 * 24, f.panel(0).length, "the LR input at LR size");
		assertEquals(List.of("LR input", "bicubic", "model", "truth", "|model - truth|"), List.of(f
			.panelTitles()).stream().filter(t -> !t.contains("blur")).collect(Collectors.toList()));
		assertTrue(f.panelTitles()[2].matches("(bicubic|mean3)\\+blur \\(\\d+\\.\\d px\\)"), f
			.panelTitles()[2]);
		final float[] model = f.panel(3);
		final float[] truth = f.panel(4);
		for (int i = 0; i < truth.length; i++)
			assertEquals(Math.abs(model[i] - truth[i]), f.panel(5)[i], 1e-6f);
		for (int x = 0; x < 64; x++) {
			assertEquals(f.panel(2)[24 * 64 + x], f.kymograph(1)[1 * 64 + x], "classical kymograph, frame 2");
			assertEquals(model[24 * 64 + x], f.kymograph(2)[1 * 64 + x], "model kymograph, frame 2");
			assertEquals(truth[24 * 64 + x], f.kymograph(3)[1 * 64 + x], "truth kymograph, frame 2");
		}
		assertTrue(f.kymograph(3)[3 * 64 + 10] != f.kymograph(3)[0 * 64 + 10],
			"the coded movie changes in time, so the truth's kymograph does");
		assertEquals(2, figure(0).chosenFrame(), "the middle frame by default");
	}

	@Test
	void aFramePastTheMovieIsRefusedBeforeAnyWork() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> figure(5));
		assertTrue(e.getMessage().contains("frame 5 is past the movie's 4 frames"), e.getMessage());
	}

	@Test
	void theImageHasSixPanelsAboveFourKymographs() throws IOException {
		final ImagePlus image = EvaluationFigures.image(figure(2));
		final int side = 48;
		assertEquals(6 * side + 7 * 8, image.getWidth());
		assertEquals(2 * 18 + side + 4 * 12 + 3 * 8 + 18, image.getHeight());
		final int[] truthPanelCentre = image.getProcessor().getPixel(8 + 4 * (side + 8) + side / 2, 18 +
			8 + side / 2, null);
		assertTrue(truthPanelCentre[0] > 0, "the truth panel is drawn");
	}
}
