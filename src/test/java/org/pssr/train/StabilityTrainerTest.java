package org.pssr.train;

import org.pssr.crappify.Logger;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.CancellationException;

import ai.djl.ndarray.NDArray;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pssr.crappify.TwinSample;
import org.pssr.crappify.TwinSource;
import org.pssr.testing.MovieSuite;
import org.pssr.testing.TestMovie;

/** On a synthetic stand-in; {@link StabilityTrainerRealDataTest} trains on the real movie. */
class StabilityTrainerTest extends MovieSuite {

	private MovieTwins train;
	private MovieTwins valid;

	@TempDir
	Path dir;

	@BeforeEach
	void data() {
		// Frames 1..21 train, 23..28 held out: neighbouring frames are close but not identical.
		train = new MovieTwins(movie(TestMovie.NUCLEI), 32, 2, 16, 1, 21, 0.05);
		valid = new MovieTwins(movie(TestMovie.NUCLEI), 32, 2, 4, 23, 28, 0.05);
	}

	private TrainingOptions.Builder options(final int epochs, final double stability,
		final String ckpt)
	{
		return TrainingOptions.builder().preset("small").epochs(epochs).batch(4).learningRate(3e-3).stability(
			stability).seed(11).device("cpu").progressEvery(2).checkpoints(dir.resolve(ckpt));
	}

	@Test
	void lossDecreases() throws IOException {
		final List<StepProgress> steps = new ArrayList<>();
		try (TrainingResult r = new StabilityTrainer(options(4, 1, "a").build(), train, valid, Logger.NONE,
			new TrainingListener()
			{

				@Override
				public void step(final StepProgress p) {
					steps.add(p);
				}
			}).train())
		{
			final List<EpochReport> h = r.history();
			assertEquals(4, h.size());
			assertTrue(h.get(3).trainLoss < 0.8 * h.get(0).trainLoss, h.get(0) + " -> " + h.get(3));
			assertTrue(h.get(3).validLoss < h.get(0).validLoss, h.get(0) + " -> " + h.get(3));
			assertTrue(steps.size() >= 4 && steps.get(0).samplesPerSecond > 0);
			assertTrue(Files.exists(dir.resolve("a/last.ckpt")) && Files.exists(dir.resolve("a/best.ckpt")));
		}
	}

	@Test
	void stabilityTermChangesTheWeights() throws IOException {
		final float[] plain = weightsAfter(options(1, 0, "plain").build());
		final float[] stable = weightsAfter(options(1, 1, "stable").build());
		final float[] again = weightsAfter(options(1, 1, "again").build());
		assertArrayEquals(stable, again, "same seed, same weights");
		double diff = 0;
		for (int i = 0; i < plain.length; i++) {
			diff += Math.abs(plain[i] - stable[i]);
		}
		assertTrue(diff > 1e-3, "stability term left the weights unchanged: " + diff);
	}

	@Test
	void resumedRunReachesTheWeightsOfAnUninterruptedOne() throws IOException {
		final float[] uninterrupted = weightsAfter(options(3, 1, "full").build());
		final StabilityTrainer[] killed = new StabilityTrainer[1];
		killed[0] = new StabilityTrainer(options(3, 1, "killed").build(), train, valid, Logger.NONE, new TrainingListener() {

			@Override
			public void step(final StepProgress p) {
				if (p.epoch == 2) killed[0].cancel();
			}
		});
		assertThrows(CancellationException.class, killed[0]::train);
		final Path last = dir.resolve("killed/last.ckpt");
		assertEquals(1, Checkpoint.snapshot(last).epoch());
		final float[] resumed = weightsAfter(options(3, 1, "killed").resume(last).build());
		assertArrayEquals(uninterrupted, resumed);
	}

	@Test
	void preemptedMidEpochResumesToTheWeightsOfAnUninterruptedOne() throws IOException {
		final float[] uninterrupted = weightsAfter(options(2, 1, "full").build());
		final Path folder = dir.resolve("preempted");
		final StabilityTrainer[] preempted = new StabilityTrainer[1];
		preempted[0] = new StabilityTrainer(options(2, 1, "preempted").build(), train, valid, Logger.NONE,
			new TrainingListener()
			{

				@Override
				public void step(final StepProgress p) {
					// progress every 2 steps of 4 samples: step 6 is half-way through epoch 2
					if (p.step == 6) preempted[0].preempt();
				}
			});
		final TrainingPreemptedException e = assertThrows(TrainingPreemptedException.class,
			preempted[0]::train);
		final Path last = folder.resolve("last.ckpt");
		assertEquals(last, e.checkpoint());
		final TrainingSnapshot saved = Checkpoint.snapshot(last);
		assertEquals(1, saved.epoch());
		assertEquals(8, saved.position(), "saved in the middle of epoch 2");
		assertEquals(2, saved.epochSteps());
		assertEquals(0, Checkpoint.snapshot(folder.resolve("best.ckpt")).position(),
			"best.ckpt holds validated epochs only");
		final float[] resumed = weightsAfter(options(2, 1, "preempted").resume(last).build());
		assertArrayEquals(uninterrupted, resumed);
	}

	@Test
	void preemptedWhileAnEpochIsValidatedResumesToTheWeightsAndHistoryOfAnUninterruptedOne()
		throws IOException
	{
		final List<EpochReport> full = new ArrayList<>();
		final float[] uninterrupted;
		try (TrainingResult r = new StabilityTrainer(options(2, 1, "full").build(), train, valid, Logger.NONE,
			TrainingListener.NONE).train())
		{
			uninterrupted = flatten(r.network().weights().trainable());
			full.addAll(r.history());
		}
		final Path folder = dir.resolve("preempted");
		final StabilityTrainer[] preempted = new StabilityTrainer[1];
		// SIGTERM while epoch 1 is validated, a loop outside the steps
		preempted[0] = new StabilityTrainer(options(2, 1, "preempted").build(), train, valid, onProgress(
			"validation of epoch 1", () -> preempted[0].preempt()), TrainingListener.NONE);
		final TrainingPreemptedException e = assertThrows(TrainingPreemptedException.class,
			preempted[0]::train);
		final TrainingSnapshot saved = Checkpoint.snapshot(folder.resolve("last.ckpt"));
		assertEquals(0, saved.epoch(), "epoch 1 is not validated yet");
		assertEquals(train.size(), saved.position(), "saved after the last step of epoch 1");
		assertEquals(folder.resolve("last.ckpt"), e.checkpoint());
		try (TrainingResult r = new StabilityTrainer(options(2, 1, "preempted").resume(folder.resolve(
			"last.ckpt")).build(), train, valid, Logger.NONE, TrainingListener.NONE).train())
		{
			assertArrayEquals(uninterrupted, flatten(r.network().weights().trainable()));
			assertEquals(full.stream().map(h -> h.psnr).collect(Collectors.toList()), r.history().stream()
				.map(h -> h.psnr).collect(Collectors.toList()), "every epoch validated once, as uninterrupted");
		}
	}

	@Test
	void theSetUpStopsOnPreemptionAndCancellationBeforeAnyStep() {
		for (final boolean preempt : new boolean[] { true, false }) {
			final String name = preempt ? "setup-preempted" : "setup-cancelled";
			final StabilityTrainer[] t = new StabilityTrainer[1];
			final List<String> steps = new ArrayList<>();
			t[0] = new StabilityTrainer(options(1, 1, name).build(), train, valid, onProgress("bilinear baseline",
				() -> {
					if (preempt) t[0].preempt();
					else t[0].cancel();
				}), new TrainingListener() {

				@Override
				public void step(final StepProgress p) {
					steps.add(p.toString());
				}
			});
			if (preempt) {
				final TrainingPreemptedException e = assertThrows(TrainingPreemptedException.class, t[0]::train);
				assertTrue(e.getMessage().startsWith("training stopped while it was set up"), e.getMessage());
				assertEquals(null, e.checkpoint());
			}
			else assertThrows(CancellationException.class, t[0]::train);
			assertEquals(List.of(), steps, "no step after the request");
			assertFalse(Files.exists(dir.resolve(name).resolve("last.ckpt")));
		}
	}

	/** A log that runs {@code action} when a task starting with {@code task} reports progress. */
	private static Logger onProgress(final String task, final Runnable action) {
		return new Logger() {

			@Override
			public void log(final String message) {}

			@Override
			public void status(final String message) {}

			@Override
			public void progress(final String name, final long done, final long total) {
				if (name.startsWith(task)) action.run();
			}
		};
	}

	@Test
	void aVersion2CheckpointWithoutAPositionStillResumes() throws IOException {
		final float[] one = weightsAfter(options(1, 1, "one").build());
		final Path last = dir.resolve("one/last.ckpt");
		final ByteBuffer v3 = ByteBuffer.wrap(Files.readAllBytes(last));
		final byte[] json = new byte[v3.getInt(8)];
		v3.position(12);
		v3.get(json);
		final JsonObject header = JsonParser.parseString(new String(json, StandardCharsets.UTF_8))
			.getAsJsonObject();
		final TrainingSnapshot saved = Checkpoint.snapshot(last);
		assertArrayEquals(json, Checkpoint.encode(saved), "read and written again to the byte");
		assertArrayEquals(json, Checkpoint.encode(Checkpoint.decode(json, last)));
		assertEquals(1, saved.history().size());
		assertEquals(saved.history().get(0).psnr, saved.bestPsnr());
		for (final String added : new String[] { "position", "epochLoss", "epochSteps" })
			assertTrue(header.remove(added) != null, added);
		final Path v2 = dir.resolve("one/v2.ckpt");
		Files.write(v2, checkpoint(2, header.toString().getBytes(StandardCharsets.UTF_8), v3));
		final TrainingSnapshot old = Checkpoint.snapshot(v2);
		assertEquals(1, old.epoch());
		assertEquals(0, old.position());
		assertEquals(0, old.epochSteps());
		assertEquals(saved.history().get(0).psnr, old.history().get(0).psnr);
		assertArrayEquals(one, weightsAfter(options(1, 1, "one").resume(v2).build()),
			"resumed after its last epoch: the weights it holds");
		final Path v4 = Files.write(dir.resolve("v4.ckpt"), checkpoint(4, json, v3));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> Checkpoint.snapshot(v4));
		assertTrue(e.getMessage().contains("version 4 checkpoint"), e.getMessage());
	}

	/** A checkpoint of {@code version} with {@code json} as its header and the tensors of {@code of}. */
	private static byte[] checkpoint(final int version, final byte[] json, final ByteBuffer of) {
		final int tensors = 12 + of.getInt(8);
		final int length = of.capacity() - 32 - tensors;
		final ByteBuffer b = ByteBuffer.allocate(12 + json.length + length + 32);
		b.putInt(of.getInt(0)).putInt(version).putInt(json.length).put(json);
		b.put(of.array(), tensors, length);
		final java.security.MessageDigest sha = org.pssr.crappify.io.Checksums.digest("SHA-256");
		sha.update(b.array(), 0, b.position());
		b.put(sha.digest());
		return b.array();
	}

	@Test
	void resumeRefusesADifferentRun() throws IOException {
		weightsAfter(options(1, 1, "one").build());
		final Path last = dir.resolve("one/last.ckpt");
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new StabilityTrainer(options(1, 0.5, "two").resume(last).build(), train, valid, Logger.NONE,
				TrainingListener.NONE).train());
		assertTrue(e.getMessage().contains("stability"), e.getMessage());
	}

	@Test
	void resumeRefusesOtherBatchOrData() throws IOException {
		weightsAfter(options(1, 1, "one").build());
		final Path last = dir.resolve("one/last.ckpt");
		final IllegalArgumentException batch = assertThrows(IllegalArgumentException.class,
			() -> new StabilityTrainer(options(1, 1, "two").batch(2).resume(last).build(), train, valid, Logger.NONE,
				TrainingListener.NONE).train());
		assertTrue(batch.getMessage().contains("batch 4 vs 2"), batch.getMessage());
		final MovieTwins other = new MovieTwins(movie(TestMovie.NUCLEI), 32, 2, 16, 2, 22, 0.05);
		final IllegalArgumentException data = assertThrows(IllegalArgumentException.class,
			() -> new StabilityTrainer(options(1, 1, "three").resume(last).build(), other, valid, Logger.NONE,
				TrainingListener.NONE).train());
		assertTrue(data.getMessage().contains("training data"), data.getMessage());
	}

	@Test
	void damagedCheckpointIsRefused() throws IOException {
		weightsAfter(options(1, 1, "one").build());
		final Path last = dir.resolve("one/last.ckpt");
		final byte[] bytes = Files.readAllBytes(last);
		bytes[bytes.length / 2] ^= 0x01;
		final Path damaged = Files.write(dir.resolve("damaged.ckpt"), bytes);
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new StabilityTrainer(options(1, 1, "two").resume(damaged).build(), train, valid, Logger.NONE,
				TrainingListener.NONE).train());
		assertTrue(e.getMessage().contains("damaged"), e.getMessage());
		final Path cut = Files.write(dir.resolve("cut.ckpt"), java.util.Arrays.copyOf(bytes, 100));
		final IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
			() -> Checkpoint.snapshot(cut));
		assertTrue(c.getMessage().contains("damaged") || c.getMessage().contains("cut short"), c
			.getMessage());
	}

	@Test
	void divergenceStopsWithoutAModel() {
		final List<EpochReport> reported = new ArrayList<>();
		final IllegalStateException e = assertThrows(IllegalStateException.class,
			() -> new StabilityTrainer(options(2, 1, "diverge").build(), poisoned(train), valid, Logger.NONE,
				new TrainingListener()
				{

					@Override
					public void epoch(final EpochReport r) {
						reported.add(r);
					}
				}).train());
		assertTrue(e.getMessage().contains("diverged"), e.getMessage());
		assertTrue(reported.isEmpty(), "a diverged epoch was reported: " + reported);
		assertFalse(Files.exists(dir.resolve("diverge/best.ckpt")));
	}

	@Test
	void anAbsurdLearningRateIsRefusedBeforeTraining() {
		for (final double lr : new double[] { 1e30, Double.POSITIVE_INFINITY, Double.NaN, 0, -1 })
			assertThrows(IllegalArgumentException.class, () -> options(1, 1, "x").learningRate(lr).build());
	}

	/** {@code source} with one target pixel of the fifth sample NaN: the loss becomes NaN there. */
	private static TwinSource poisoned(final TwinSource source) {
		return new TwinSource() {

			@Override
			public int size() {
				return source.size();
			}

			@Override
			public TwinSample get(final long epoch, final int index) {
				final TwinSample s = source.get(epoch, index);
				if (index != 4) return s;
				final float[] target = s.target().clone();
				target[0] = Float.NaN;
				return new TwinSample(s.x1(), s.x2(), target, s.frames(), s.lrWidth(), s.lrHeight(), s
					.scale());
			}

			@Override
			public int frames() {
				return source.frames();
			}

			@Override
			public int scale() {
				return source.scale();
			}

			@Override
			public java.util.Optional<org.pssr.crappify.Degradation> recipe() {
				return source.recipe();
			}

			@Override
			public String describe() {
				return source.describe();
			}
		};
	}

	@Test
	void finishNowKeepsTheBestModel() throws IOException {
		final StabilityTrainer[] t = new StabilityTrainer[1];
		t[0] = new StabilityTrainer(options(5, 1, "finish").build(), train, valid, Logger.NONE, new TrainingListener() {

			@Override
			public void epoch(final EpochReport r) {
				t[0].finishNow();
			}
		});
		try (TrainingResult r = t[0].train()) {
			assertTrue(r.history().size() <= 2, "stopped after " + r.history().size() + " epochs");
			assertFalse(r.completed(), r.stop());
		}
	}

	private float[] weightsAfter(final TrainingOptions o) throws IOException {
		try (TrainingResult r = new StabilityTrainer(o, train, valid, Logger.NONE, TrainingListener.NONE).train()) {
			return flatten(r.network().weights().trainable());
		}
	}

	static float[] flatten(final Map<String, NDArray> tensors) {
		int n = 0;
		for (final NDArray a : tensors.values()) {
			n += (int) a.size();
		}
		final float[] all = new float[n];
		int pos = 0;
		for (final NDArray a : tensors.values()) {
			final float[] v = a.toFloatArray();
			System.arraycopy(v, 0, all, pos, v.length);
			pos += v.length;
		}
		return all;
	}
}
