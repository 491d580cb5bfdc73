package org.pssr.fiji.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pssr.testing.SameMovie.assertSameMovie;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

import ij.ImagePlus;
import ij.io.Opener;

import org.junit.jupiter.api.Test;
import org.pssr.testing.GuidedMovies;

/**
 * Every shipped macro, end to end, in a Fiji with pssr installed from the update site: the way a
 * user runs it, {@code --headless --run} with parameters or {@code --headless -macro} with an
 * argument string.
 */
class MacrosIT {

	private static final long MINUTES_10 = 600;

	/**
	 * Runs the shipped macro {@code name} as a user would: {@code mode} "script" runs it with
	 * {@code --run}, each of {@code args} one key=value; "macro" with {@code -macro}, one argument
	 * string; {@code properties} are the JVM's system properties.
	 */
	private static FijiInstall.Result runMacro(final List<String> properties, final String mode,
		final String name, final String... args) throws Exception
	{
		final FijiInstall fiji = FijiInstall.get();
		final List<String> command = new ArrayList<>(List.of(mode, fiji.app.resolve(
			"scripts/Plugins/PSSR").resolve(name).toString()));
		command.addAll(List.of(args));
		return fiji.run(MINUTES_10, false, properties, command.toArray(new String[0]));
	}

	private static FijiInstall.Result runMacro(final String mode, final String name,
		final String... args) throws Exception
	{
		return runMacro(List.of(), mode, name, args);
	}

	@Test
	void pipelineMacroTrainsOnAFolderAndSuperResolvesIt() throws Exception {
		final Path work = ItData.work("pipeline");
		final FijiInstall.Result r = runMacro("script", "PSSR_Pipeline_Headless.ijm", "input=" + ItData
			.movies(), "work=" + work, "scale=4", "epochs=1", "tile=64", "samples=12");
		assertEquals("ok", r.result(), r.toString());
		assertTrue(Files.isRegularFile(work.resolve("twins/manifest.json")), r.toString());
		assertTrue(Files.isRegularFile(work.resolve("model.pssr.zip")), r.toString());
		for (final String movie : new String[] { "nuclei", "cells" })
			assertSuperResolved(work.resolve("pssr/" + movie + "_pssr.tif"), 32);
	}

	/** Four times the size, as many frames, the calibration divided by four. */
	private static void assertSuperResolved(final Path file, final int bits) {
		final ImagePlus imp = new Opener().openImage(file.toString());
		assertTrue(imp != null, file + " was not written");
		assertEquals(4 * ItData.SIDE, imp.getWidth(), file.toString());
		assertEquals(ItData.FRAMES, imp.getNFrames(), file.toString());
		assertEquals(bits, imp.getBitDepth(), file.toString());
		assertEquals(ItData.PIXEL / 4, imp.getCalibration().pixelWidth, 1e-9, file.toString());
		assertEquals(ItData.INTERVAL, imp.getCalibration().frameInterval, 1e-9, file.toString());
	}

	/**
	 * The guided command from a macro, headless, as a cluster node or {@code fiji --headless --run}
	 * runs it: the recipe, the model, the movie and the evaluation in the output folder, and the
	 * super-resolved movie the macro's current image.
	 */
	@Test
	void theGuidedCommandRunsHeadlessFromAMacro() throws Exception {
		final GuidedMovies movies = GuidedMovies.write(ItData.work("guided-macro-data"));
		final Path out = ItData.work("guided-macro").resolve("out");
		final FijiInstall.Result r = FijiInstall.get().run(MINUTES_10, "eval",
			"run(\"Super-Resolve My Movies (guided)\", \"inputs=[" + movies.lr + "] hr=[" + movies.hr1 +
				";" + movies.hr2 + "] output=[" + out + "] epochs=1 tile=32 samples=12 batch=4 " +
				"device=cpu\"); print(\"IMAGE \" + getTitle() + \" \" + getWidth() + \" \" + nSlices);");
		assertEquals("ok", r.result(), r.toString());
		for (final String file : new String[] { "lr.recipe.json", "model.pssr.zip", "lr_pssr.tif",
			"evaluation.png", "evaluation.csv" })
			assertTrue(Files.isRegularFile(out.resolve(file)), file + "\n" + r);
		assertTrue(r.output.contains("IMAGE lr_pssr.tif " + 4 * GuidedMovies.LR_SIDE + " " +
			GuidedMovies.FRAMES), r.toString());
		assertTrue(r.output.contains("kept aside to evaluate it on"), r.toString());
	}

	@Test
	void batchMacroSuperResolvesEveryMovieOfAFolder() throws Exception {
		final Path out = ItData.work("batch");
		final FijiInstall.Result r = runMacro("script", "PSSR_Batch_Super-Resolve.ijm", "modelfile=" +
			ItData.model(), "input=" + ItData.movies(), "output=" + out, "bits=16");
		assertEquals("ok", r.result(), r.toString());
		assertSuperResolved(out.resolve("nuclei_pssr.tif"), 16);
		assertSuperResolved(out.resolve("cells_pssr.tif"), 16);
		assertTrue(r.output.contains("super-resolved 2 movies"), r.toString());
	}

	@Test
	void clusterMacroSuperResolvesTheMovieItsArgumentNames() throws Exception {
		final Path out = ItData.work("cluster").resolve("nuclei_pssr.tif");
		final FijiInstall.Result r = runMacro("macro", "PSSR_Cluster_Headless.ijm", "model=" + ItData
			.model() + " input=" + ItData.movies().resolve("nuclei.tif") + " output=" + out +
			" device=cpu");
		assertEquals("ok", r.result(), r.toString());
		assertSuperResolved(out, 32);
	}

	@Test
	void clusterMacroDoesRangesOfAMovieAndJoinsThemIntoTheMovieOfOneRun() throws Exception {
		final Path work = ItData.work("cluster-ranges");
		final String common = "model=" + ItData.model() + " input=" + ItData.movies().resolve(
			"nuclei.tif") + " device=cpu";
		final Path whole = work.resolve("whole_pssr.tif");
		assertEquals("ok", runMacro("macro", "PSSR_Cluster_Headless.ijm", common + " output=" + whole)
			.result());
		final Path joined = work.resolve("nuclei_pssr.tif");
		for (final String frames : new String[] { "1:5", "6:" + ItData.FRAMES }) {
			final FijiInstall.Result r = runMacro("macro", "PSSR_Cluster_Headless.ijm", common +
				" output=" + joined + " frames=" + frames);
			assertEquals("ok", r.result(), r.toString());
			assertTrue(r.output.contains("PSSR: wrote frames " + frames), r.toString());
		}
		final FijiInstall.Result r = runMacro("macro", "PSSR_Cluster_Headless.ijm", "join output=" +
			joined + " deleteparts");
		assertEquals("ok", r.result(), r.toString());
		assertSameMovie(whole, joined);
		assertTrue(org.pssr.imagej.MovieFiles.info(joined).orElse("").contains("joined: 2 parts"),
			"the joined movie says so");
		assertTrue(!Files.exists(work.resolve("nuclei_pssr.parts")), "parts deleted after the join");
	}

	@Test
	void aClusterTaskThatFijiFailsToRunStopsWithAnErrorInsteadOfSayingItWroteTheMovie()
		throws Exception
	{
		final Path out = ItData.work("cluster-failed").resolve("nuclei_pssr.tif");
		final FijiInstall.Result r = runMacro(List.of("-Dpssr.test.failPreprocessing=true"), "macro",
			"PSSR_Cluster_Headless.ijm", "model=" + ItData.model() + " input=" + ItData.movies().resolve(
				"nuclei.tif") + " output=" + out + " device=cpu frames=1:4");
		assertEquals(3, r.exit, r.toString());
		assertTrue(r.output.contains("Macro Error: PSSR: Fiji failed to run Super-Resolve Movie (java" +
			".lang.IllegalStateException: preprocessing failed on purpose"), r.toString());
		assertFalse(r.output.contains("PSSR: wrote"), r.toString());
	}

	@Test
	void exportMacroWritesABioImageIoPackageBesideFijisTensorFlow() throws Exception {
		final Path out = ItData.work("export").resolve("tiny_bioimageio.zip");
		final FijiInstall.Result r = runMacro("script", "PSSR_Export_Model.ijm", "modelfile=" + ItData
			.model(), "output=" + out, "format=bioimageio", "author=Integration Test", "license=MIT",
			"outputunits=normalised");
		assertEquals("ok", r.result(), r.toString());
		try (ZipFile zip = new ZipFile(out.toFile())) {
			assertTrue(zip.getEntry("rdf.yaml") != null, "no rdf.yaml in " + out);
		}
	}
}
