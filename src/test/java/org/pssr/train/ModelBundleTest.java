package org.pssr.train;

import org.pssr.crappify.Logger;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import com.google.gson.JsonObject;

import ai.djl.Device;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.testing.TestMovie;
import org.pssr.crappify.Normalisation;
import org.pssr.crappify.PoissonDegradation;

class ModelBundleTest {

	@TempDir
	Path dir;

	@Test
	void savedBundleReloadsAndGivesTheSameOutput() throws IOException {
		final Path file = dir.resolve("m.pssr.zip");
		final float[] input = random(2 * 3 * 11 * 13);
		final float[] before;
		try (Network net = trained()) {
			before = new DjlSuperResolutionModel(net).predict(input, 2, 11, 13);
			ModelBundle.save(file, net, Normalisation.PSSR, Optional.of(new PoissonDegradation(2, 30, 1)),
				"test data", new JsonObject());
		}
		try (ModelBundle b = ModelBundle.load(file, "cpu")) {
			assertEquals(3, b.frames());
			assertEquals(2, b.scale());
			assertEquals(new PoissonDegradation(2, 30, 1).parameters(), b.recipe().get().parameters());
			assertEquals("test data", b.data());
			assertEquals(99.9, b.normalisation().highPercentile());
			final float[] after = b.model().predict(input, 2, 11, 13);
			// 11 x 13 is no multiple of the network grid: exercises the mirror padding and crop.
			assertEquals(2 * 22 * 26, after.length);
			assertArrayEquals(before, after);
			assertTrue(b.model().device().contains("cpu"), b.model().device());
		}
	}

	@Test
	void entryOutsideTheBundleIsRefused() throws IOException {
		final Path file = dir.resolve("slip.pssr.zip");
		try (UNet net = new UNet(UNetConfig.preset("small", 3, 2), Device.cpu(), 1)) {
			ModelBundle.save(file, net, Normalisation.PSSR, Optional.empty(), "r", new JsonObject());
		}
		final Path evil = dir.resolve("evil.pssr.zip");
		copyWith(file, evil, "../../etc/evil.txt", "x");
		final InvalidBundleException e = assertThrows(InvalidBundleException.class, () -> ModelBundle.load(
			evil, "cpu"));
		assertTrue(e.getMessage().contains("points outside"), e.getMessage());
	}

	@Test
	void misfitsAreRefusedClearly() throws IOException {
		final Path good = dir.resolve("good.pssr.zip");
		try (UNet net = new UNet(UNetConfig.preset("small", 3, 2), Device.cpu(), 1)) {
			ModelBundle.save(good, net, Normalisation.PSSR, Optional.empty(), "r", new JsonObject());
		}
		final String json = read(good, ModelBundle.MODEL_JSON);
		final Path future = dir.resolve("future.pssr.zip");
		replace(good, future, json.replace("\"formatVersion\": 2", "\"formatVersion\": 7"));
		assertMessage(future, "version 7");
		final Path wider = dir.resolve("wider.pssr.zip");
		replace(good, wider, json.replaceAll("64,\\s*64\\s*\\]", "64, 128]"));
		assertMessage(wider, "weights do not fit");
		final Path notZip = dir.resolve("text.pssr.zip");
		Files.write(notZip, "hello".getBytes(StandardCharsets.UTF_8));
		assertMessage(notZip, "not a model bundle");
	}

	private static void assertMessage(final Path file, final String part) {
		final InvalidBundleException e = assertThrows(InvalidBundleException.class, () -> ModelBundle.load(
			file, "cpu"));
		assertTrue(e.getMessage().contains(part), e.getMessage());
	}

	private Network trained() throws IOException {
		final MovieTwins twins = new MovieTwins(TestMovie.SEQUENCE_1.synthetic(), 16, 2, 4, 1, 13,
			0.05);
		final TrainingOptions o = TrainingOptions.builder().epochs(1).batch(2).device("cpu").checkpoints(
			dir.resolve("ckpt")).build();
		final TrainingResult r = new StabilityTrainer(o, twins, twins, Logger.NONE, TrainingListener.NONE).train();
		return r.network();
	}

	private static float[] random(final int n) {
		final SplittableRandom r = new SplittableRandom(5);
		final float[] v = new float[n];
		for (int i = 0; i < n; i++) {
			v[i] = (float) r.nextDouble();
		}
		return v;
	}

	private static String read(final Path zip, final String entry) throws IOException {
		try (ZipFile z = new ZipFile(zip.toFile())) {
			return new String(z.getInputStream(z.getEntry(entry)).readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static void replace(final Path from, final Path to, final String json) throws IOException {
		try (ZipFile z = new ZipFile(from.toFile()); OutputStream os = Files.newOutputStream(to);
			ZipOutputStream out = new ZipOutputStream(os))
		{
			out.putNextEntry(new ZipEntry(ModelBundle.MODEL_JSON));
			out.write(json.getBytes(StandardCharsets.UTF_8));
			out.putNextEntry(new ZipEntry(ModelBundle.WEIGHTS));
			out.write(z.getInputStream(z.getEntry(ModelBundle.WEIGHTS)).readAllBytes());
		}
	}

	private static void copyWith(final Path from, final Path to, final String entry, final String text)
		throws IOException
	{
		try (ZipFile z = new ZipFile(from.toFile()); OutputStream os = Files.newOutputStream(to);
			ZipOutputStream out = new ZipOutputStream(os))
		{
			for (final String e : new String[] { ModelBundle.MODEL_JSON, ModelBundle.WEIGHTS }) {
				out.putNextEntry(new ZipEntry(e));
				out.write(z.getInputStream(z.getEntry(e)).readAllBytes());
			}
			out.putNextEntry(new ZipEntry(entry));
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
	}
}
