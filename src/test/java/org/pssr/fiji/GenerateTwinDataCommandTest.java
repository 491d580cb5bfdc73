package org.pssr.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;

import org.junit.jupiter.api.Test;
import org.pssr.imagej.ImagePlusMovie;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.crappify.Split;
import org.pssr.crappify.TwinCrappifier;
import org.pssr.crappify.TwinDataset;
import org.pssr.crappify.PoissonDegradation;
import org.pssr.crappify.TwinOptions;
import org.pssr.crappify.TwinSample;
import org.scijava.Context;
import org.scijava.Cancelable;
import org.scijava.module.ModuleService;
import org.pssr.testing.MovieSuite;
import org.pssr.testing.TestMovie;
import org.scijava.command.CommandService;

/**
 * The Fiji command headless, as a macro would run it, on a synthetic stand-in;
 * {@link GenerateTwinDataCommandRealDataTest} runs the same on the real movie.
 */
class GenerateTwinDataCommandTest extends MovieSuite {

	@TempDir
	Path dir;

	private ImagePlus movie() {
		return IJ.openImage(movie(TestMovie.CELLS_16BIT).toString());
	}

	private Cancelable run(final Context context, final ImagePlus image, final File output)
		throws Exception
	{
		final Map<String, Object> in = new HashMap<>();
		in.put("image", image);
		in.put("inputs", "");
		in.put("channel", 1);
		in.put("zastime", false);
		in.put("scale", "4");
		in.put("frames", "3");
		in.put("tile", 64);
		in.put("samples", 6);
		in.put("recipe", "poisson");
		in.put("seed", 2L);
		in.put("validation", 0.2);
		in.put("output", output);
		in.put("preview", false);
		// the command is its own module (a DynamicCommand): run it as Fiji's legacy layer does
		return (Cancelable) context.service(ModuleService.class).run(context.service(
			CommandService.class).getCommand(GenerateTwinDataCommand.class), true, in).get();
	}

	@Test
	void writesTheDatasetFromTheOpenImageAndRefusesBadInput() throws Exception {
		try (Context context = new Context(CommandService.class, org.scijava.app.StatusService.class,
			org.scijava.ui.UIService.class)) {
			final File out = dir.resolve("ds").toFile();
			final Cancelable ok = run(context, movie(), out);
			assertFalse(ok.isCanceled(), ok.getCancelReason());
			try (TwinDataset ds = TwinDataset.open(out.toPath())) {
				assertEquals(5, ds.train().size());
				assertEquals(1, ds.valid().size());
				assertEquals("poisson", ds.degradation().name());
			}
			final ImagePlus rgb = movie();
			new ij.process.StackConverter(rgb).convertToRGB();
			final File refused = dir.resolve("refused").toFile();
			final Cancelable bad = run(context, rgb, refused);
			assertTrue(bad.isCanceled());
			assertTrue(bad.getCancelReason().contains("RGB"), bad.getCancelReason());
			assertFalse(Files.exists(refused.toPath()));
		}
	}

	@Test
	void previewShowsTargetAndBothDrawsSideBySide() {
		final ImagePlus imp = movie();
		final TwinCrappifier c = new TwinCrappifier(java.util.List.of(ImagePlusMovie.source(imp, 1, false)),
			new PoissonDegradation(4), new TwinOptions().tile(64));
		final TwinSample s = c.draw(Split.TRAIN, 0, 0);
		final ImagePlus preview = GenerateTwinDataCommand.preview(s);
		assertEquals(3 * 64, preview.getWidth());
		assertEquals(64, preview.getHeight());
		assertEquals(s.target()[5 * 64 + 7], preview.getProcessor().getf(7, 5));
		assertTrue(preview.getProcessor().getf(64 + 10, 10) != preview.getProcessor().getf(128 + 10,
			10) || preview.getProcessor().getf(64 + 30, 30) != preview.getProcessor().getf(128 + 30, 30));
	}
}
