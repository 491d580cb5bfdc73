package org.pssr.train;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;

import org.pssr.train.eval.ImageQuality;
import org.pssr.crappify.TwinSample;
import org.pssr.crappify.TwinSource;

/**
 * Trains a {@link UNet} on twin samples with the {@link StabilityLoss}: AdamW, one-cycle schedule,
 * validation PSNR/SSIM each epoch, checkpoints {@code last} and {@code best}. Deterministic for a
 * given seed: epoch {@code e} visits the samples in an order drawn from (seed, e), so a run resumed
 * from {@code last.ckpt} takes the same steps as one that was never interrupted.
 *
 * <p>
 * {@link #finishNow()} and {@link #cancel()} may be called from any thread; the run stops after the
 * current step.
 */
public final class StabilityTrainer {

	private final TrainingOptions options;
	private final TwinSource train;
	private final TwinSource valid;
	private final TrainingListener listener;
	private volatile boolean finish;
	private volatile boolean cancel;

	/**
	 * @param valid validation samples (epoch 0 of it is used every time); may be {@code train} itself
	 *          when nothing was held out
	 */
	public StabilityTrainer(final TrainingOptions options, final TwinSource train,
		final TwinSource valid, final TrainingListener listener)
	{
		if (train.size() == 0) throw new IllegalArgumentException("the training set is empty");
		if (valid.size() == 0) throw new IllegalArgumentException("the validation set is empty");
		if (valid.frames() != train.frames() || valid.scale() != train.scale()) {
			throw new IllegalArgumentException("validation and training sets differ in frames or scale");
		}
		this.options = options;
		this.train = train;
		this.valid = valid;
		this.listener = listener;
	}

	/** Stop after the current step and keep the best model so far. */
	public void finishNow() {
		finish = true;
	}

	/** Stop after the current step; {@link #train()} then throws {@link CancellationException}. */
	public void cancel() {
		cancel = true;
	}

	public TrainingResult train() throws IOException {
		final Engine engine = Engines.pytorch();
		JniUtils.setGradMode(false);
		final Device device = Engines.device(options.device());
		final UNetConfig config = UNetConfig.preset(options.preset(), train.frames(), train.scale());
		final Path dir = options.checkpoints() != null ? options.checkpoints() : Files.createTempDirectory(
			"pssr-train");
		final Path last = dir.resolve("last.ckpt");
		final Path bestFile = dir.resolve("best.ckpt");
		final UNet net = new UNet(config, device, options.seed());
		boolean ok = false;
		try {
			final Adam adam = new Adam(net.weights().trainable(), options.weightDecay());
			final List<EpochReport> history = new ArrayList<>();
			int start = 0;
			int batch = Math.min(options.batch(), train.size());
			double best = Double.NEGATIVE_INFINITY;
			if (options.resume() != null) {
				final JsonObject h = Checkpoint.header(options.resume());
				checkResumable(h, config);
				Checkpoint.restore(options.resume(), net, adam);
				start = h.get("epoch").getAsInt();
				batch = h.get("batch").getAsInt();
				best = h.get("bestPsnr").getAsDouble();
				for (final com.google.gson.JsonElement e : h.getAsJsonArray("history")) {
					history.add(EpochReport.fromJson(e.getAsJsonObject()));
				}
				if (!options.resume().toAbsolutePath().normalize().equals(last.toAbsolutePath().normalize()) &&
					Files.exists(options.resume().resolveSibling("best.ckpt")))
				{
					Files.copy(options.resume().resolveSibling("best.ckpt"), bestFile,
						java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				}
				listener.message("resumed from " + options.resume() + " after epoch " + start);
			}
			for (final NDArray p : net.weights().trainable().values()) {
				p.setRequiresGradient(true);
			}
			listener.message("training " + config + ", " + net.parameterCount() + " parameters, on " +
				Engines.describe(device));
			final OneCycle schedule = new OneCycle(options.learningRate());
			final StabilityLoss loss = new StabilityLoss(options.stability());
			final double[] baseline = baseline(net);
			final long started = System.nanoTime();
			long reportTime = started;
			int reportSamples = 0;
			double reportLoss = 0;
			int reportSteps = 0;
			String stop = "completed";
			final int n = train.size();
			epochs:
			for (int epoch = start; epoch < options.epochs(); epoch++) {
				final long epochStart = System.nanoTime();
				final int[] order = order(n, options.seed(), epoch);
				double epochLoss = 0;
				int epochSteps = 0;
				int pos = 0;
				while (pos < n) {
					if (cancel) throw new CancellationException("training cancelled");
					if (finish) {
						stop = "finished early in epoch " + (epoch + 1);
						final EpochReport r = validate(net, epoch + 1, epochSteps == 0 ? Double.NaN : epochLoss /
							epochSteps, best, baseline, batch, epochStart);
						history.add(r);
						if (r.best()) {
							best = r.psnr();
							Checkpoint.write(bestFile, header(config, epoch, batch, best, history), net, adam);
						}
						listener.epoch(r);
						break epochs;
					}
					final int b = Math.min(batch, n - pos);
					final double value;
					try {
						value = step(engine, net, adam, loss, order, pos, b, epoch, schedule.rate((epoch + pos /
							(double) n) / options.epochs()));
					}
					catch (final EngineException e) {
						if (!outOfMemory(e) || batch == 1) throw e;
						batch = Math.max(1, batch / 2);
						adam.clearGradients();
						listener.message("out of memory on " + device + ": batch halved to " + batch +
							", retrying");
						continue;
					}
					pos += b;
					epochLoss += value;
					epochSteps++;
					reportLoss += value;
					reportSteps++;
					reportSamples += b;
					if (adam.steps() % options.progressEvery() == 0) {
						final long now = System.nanoTime();
						final double rate = reportSamples / ((now - reportTime) / 1e9);
						final double remaining = (options.epochs() - epoch - 1) * (double) n + (n - pos);
						listener.step(new StepProgress(epoch + 1, options.epochs(), adam.steps(), reportLoss /
							reportSteps, rate, remaining / rate));
						reportTime = now;
						reportSamples = 0;
						reportLoss = 0;
						reportSteps = 0;
					}
				}
				final EpochReport r = validate(net, epoch + 1, epochLoss / epochSteps, best, baseline, batch,
					epochStart);
				history.add(r);
				if (r.best()) {
					best = r.psnr();
					Checkpoint.write(bestFile, header(config, epoch + 1, batch, best, history), net, adam);
				}
				Checkpoint.write(last, header(config, epoch + 1, batch, best, history), net, adam);
				listener.epoch(r);
			}
			if (Files.exists(bestFile)) Checkpoint.restore(bestFile, net, adam);
			for (final NDArray p : net.weights().trainable().values()) {
				p.setRequiresGradient(false);
			}
			final JsonObject record = new JsonObject();
			record.addProperty("preset", options.preset());
			record.addProperty("epochs", options.epochs());
			record.addProperty("batch", options.batch());
			record.addProperty("finalBatch", batch);
			record.addProperty("learningRate", options.learningRate());
			record.addProperty("schedule", "one-cycle (fastai: 25% cosine warm-up from lr/25, cosine down)");
			record.addProperty("optimizer", "AdamW beta1 0.9, beta2 0.99");
			record.addProperty("weightDecay", options.weightDecay());
			record.addProperty("stability", options.stability());
			record.addProperty("seed", options.seed());
			record.addProperty("device", Engines.describe(device));
			record.addProperty("trainingSamples", n);
			record.addProperty("validationSamples", valid.size());
			record.addProperty("steps", adam.steps());
			record.addProperty("seconds", (System.nanoTime() - started) / 1e9);
			record.addProperty("stop", stop);
			record.addProperty("bestPsnr", best);
			ok = true;
			return new TrainingResult(net, history, record);
		}
		finally {
			if (!ok) net.close();
		}
	}

	private double step(final Engine engine, final UNet net, final Adam adam, final StabilityLoss loss,
		final int[] order, final int pos, final int b, final int epoch, final double lr)
	{
		final TwinSample first = train.get(epoch, order[pos]);
		final int lrSize = first.frames() * first.lrWidth() * first.lrHeight();
		final int hrSize = first.hrWidth() * first.hrHeight();
		final float[] x = new float[2 * b * lrSize];
		final float[] t = new float[b * hrSize];
		for (int i = 0; i < b; i++) {
			final TwinSample s = i == 0 ? first : train.get(epoch, order[pos + i]);
			checkSize(s, first);
			System.arraycopy(s.x1(), 0, x, i * lrSize, lrSize);
			System.arraycopy(s.x2(), 0, x, (b + i) * lrSize, lrSize);
			System.arraycopy(s.target(), 0, t, i * hrSize, hrSize);
		}
		final double value;
		try (NDManager m = net.manager().newSubManager()) {
			final NDArray input = m.create(FloatBuffer.wrap(x), new Shape(2L * b, first.frames(), first
				.lrHeight(), first.lrWidth()));
			final NDArray target = m.create(FloatBuffer.wrap(t), new Shape(b, 1, first.hrHeight(), first
				.hrWidth()));
			try (GradientCollector gc = engine.newGradientCollector()) {
				// Both twins in one batch: one graph, one backward, twice the work per kernel launch.
				final NDArray y = net.forward(input, true);
				final NDArray l = loss.compute(y.get(new NDIndex("0:" + b)), y.get(new NDIndex(b + ":")), target);
				gc.backward(l);
				value = l.getFloat();
			}
			adam.step(lr);
		}
		return value;
	}

	private EpochReport validate(final UNet net, final int epoch, final double trainLoss,
		final double best, final double[] baseline, final int batch, final long epochStart)
	{
		double l1 = 0;
		double psnr = 0;
		double ssim = 0;
		EpochReport.Preview preview = null;
		final int n = valid.size();
		for (int pos = 0; pos < n; pos += batch) {
			final int b = Math.min(batch, n - pos);
			final TwinSample[] samples = samples(pos, b);
			final float[] out = predict(net, samples, false);
			final int hr = samples[0].hrWidth() * samples[0].hrHeight();
			for (int i = 0; i < b; i++) {
				final float[] target = samples[i].target();
				final float[] o = java.util.Arrays.copyOfRange(out, i * hr, (i + 1) * hr);
				double d = 0;
				for (int k = 0; k < hr; k++) {
					d += Math.abs(o[k] - target[k]);
				}
				l1 += d / hr;
				psnr += ImageQuality.psnr(target, o);
				ssim += ImageQuality.ssim(o, target, samples[i].hrWidth(), samples[i].hrHeight());
				if (preview == null) {
					preview = new EpochReport.Preview(predict(net, new TwinSample[] { samples[i] }, true), o,
						target, samples[i].hrWidth(), samples[i].hrHeight());
				}
			}
		}
		psnr /= n;
		return new EpochReport(epoch, trainLoss, l1 / n, psnr, ssim / n, baseline[0], baseline[1],
			psnr > best, (System.nanoTime() - epochStart) / 1e9, preview);
	}

	/** PSNR and SSIM of the bilinear upsampled centre frame, the baseline the network must beat. */
	private double[] baseline(final UNet net) {
		double psnr = 0;
		double ssim = 0;
		for (int i = 0; i < valid.size(); i++) {
			final TwinSample s = valid.get(0, i);
			final float[] up = predict(net, new TwinSample[] { s }, true);
			final int hr = s.hrWidth() * s.hrHeight();
			psnr += ImageQuality.psnr(s.target(), up);
			ssim += ImageQuality.ssim(up, s.target(), s.hrWidth(), s.hrHeight());
		}
		return new double[] { psnr / valid.size(), ssim / valid.size() };
	}

	private TwinSample[] samples(final int pos, final int b) {
		final TwinSample[] s = new TwinSample[b];
		for (int i = 0; i < b; i++) {
			s[i] = valid.get(0, pos + i);
			checkSize(s[i], s[0]);
		}
		return s;
	}

	/** The network's output for the first degradations, or their bilinear baseline. */
	private static float[] predict(final UNet net, final TwinSample[] samples, final boolean bilinear) {
		final TwinSample f = samples[0];
		final int lrSize = f.frames() * f.lrWidth() * f.lrHeight();
		final float[] x = new float[samples.length * lrSize];
		for (int i = 0; i < samples.length; i++) {
			System.arraycopy(samples[i].x1(), 0, x, i * lrSize, lrSize);
		}
		try (NDManager m = net.manager().newSubManager()) {
			final NDArray input = m.create(FloatBuffer.wrap(x), new Shape(samples.length, f.frames(), f
				.lrHeight(), f.lrWidth()));
			if (!bilinear) return net.forward(input, false).toFloatArray();
			final int c = f.frames() / 2;
			return Bilinear.upsample(input.get(new NDIndex(":, " + c + ":" + (c + 1))), f.scale())
				.toFloatArray();
		}
	}

	private static void checkSize(final TwinSample s, final TwinSample first) {
		if (s.lrWidth() != first.lrWidth() || s.lrHeight() != first.lrHeight() || s.frames() != first
			.frames() || s.scale() != first.scale())
		{
			throw new IllegalArgumentException("twin samples differ in size: " + s.lrWidth() + "x" + s
				.lrHeight() + " vs " + first.lrWidth() + "x" + first.lrHeight());
		}
	}

	/** The visiting order of epoch {@code epoch}: a shuffle drawn from (seed, epoch) alone. */
	static int[] order(final int n, final long seed, final int epoch) {
		final SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
		final int[] o = new int[n];
		for (int i = 0; i < n; i++) {
			o[i] = i;
		}
		for (int i = n - 1; i > 0; i--) {
			final int j = r.nextInt(i + 1);
			final int t = o[i];
			o[i] = o[j];
			o[j] = t;
		}
		return o;
	}

	private JsonObject header(final UNetConfig config, final int epoch, final int batch,
		final double best, final List<EpochReport> history)
	{
		final JsonObject h = new JsonObject();
		h.add("architecture", config.toJson());
		h.addProperty("seed", options.seed());
		h.addProperty("epochs", options.epochs());
		h.addProperty("learningRate", options.learningRate());
		h.addProperty("weightDecay", options.weightDecay());
		h.addProperty("stability", options.stability());
		h.addProperty("epoch", epoch);
		h.addProperty("batch", batch);
		h.addProperty("bestPsnr", best);
		final JsonArray a = new JsonArray();
		for (final EpochReport r : history) {
			a.add(r.toJson());
		}
		h.add("history", a);
		return h;
	}

	private void checkResumable(final JsonObject h, final UNetConfig config) {
		final List<String> diff = new ArrayList<>();
		if (!h.get("architecture").equals(config.toJson())) diff.add("architecture " + h.get(
			"architecture") + " vs " + config.toJson());
		if (h.get("seed").getAsLong() != options.seed()) diff.add("seed");
		if (h.get("epochs").getAsInt() != options.epochs()) diff.add("epochs");
		if (h.get("learningRate").getAsDouble() != options.learningRate()) diff.add("learning rate");
		if (h.get("weightDecay").getAsDouble() != options.weightDecay()) diff.add("weight decay");
		if (h.get("stability").getAsDouble() != options.stability()) diff.add("stability weight");
		if (!diff.isEmpty()) throw new IllegalArgumentException("cannot resume from " + options.resume() +
			": it was made with a different " + String.join(", ", diff));
	}

	private static boolean outOfMemory(final EngineException e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("out of memory")) {
				return true;
			}
		}
		return false;
	}
}
