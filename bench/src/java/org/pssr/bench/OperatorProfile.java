package org.pssr.bench;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.djl.Device;
import ai.djl.pytorch.jni.JniUtils;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.pssr.train.DjlSuperResolutionModel;
import org.pssr.train.Engines;
import org.pssr.train.UNet;
import org.pssr.train.UNetConfig;

/**
 * Where the time goes, per PyTorch operator, under PyTorch's profiler:
 * {@code OperatorProfile train PRESET HR_TILE BATCH STEPS TRACE.json} (steps of the real trainer) or
 * {@code OperatorProfile infer PRESET LR_SIDE FRAMES TRACE.json} (windows through
 * {@link DjlSuperResolutionModel}). Prints operators by self time (time not spent in nested
 * operators), the table {@code pssr_reference.py train|infer --profile} prints for the reference.
 */
public final class OperatorProfile {

	private OperatorProfile() {}

	public static void main(final String[] args) throws Exception {
		final String preset = args[1];
		final int size = Integer.parseInt(args[2]);
		final Path trace = Paths.get(args[args.length - 1]);
		Engines.pytorch();
		JniUtils.setGradMode(false);
		final DjlSuperResolutionModel model = args[0].equals("infer") ? new DjlSuperResolutionModel(
			new UNet(UNetConfig.preset(preset, TrainingSteps.FRAMES, TrainingSteps.SCALE), Device.cpu(), 1))
			: null;
		final float[] window = new float[TrainingSteps.FRAMES * size * size];
		JniUtils.startProfile(false, false, false);
		final long t0 = System.nanoTime();
		if (model == null) TrainingSteps.run(preset, size, Integer.parseInt(args[3]), Integer.parseInt(
			args[4]), "cpu");
		else for (int i = 0; i < Integer.parseInt(args[3]); i++) {
			model.predict(window, 1, size, size);
		}
		final double wall = (System.nanoTime() - t0) / 1e9;
		JniUtils.stopProfile(trace.toString());
		if (model != null) model.close();
		System.out.println(String.format(Locale.ROOT, "wall %.2f s", wall));
		print(selfTimes(trace), 25);
	}

	/** Self time in ms and calls per operator name, from a Chrome trace of complete events. */
	static Map<String, double[]> selfTimes(final Path trace) throws Exception {
		final List<JsonObject> events = new ArrayList<>();
		try (Reader r = Files.newBufferedReader(trace)) {
			final JsonElement root = JsonParser.parseReader(r);
			for (final JsonElement e : root.isJsonArray() ? root.getAsJsonArray() : root.getAsJsonObject()
				.getAsJsonArray("traceEvents"))
			{
				final JsonObject o = e.getAsJsonObject();
				if (o.has("dur") && "X".equals(o.get("ph").getAsString())) events.add(o);
			}
		}
		events.sort(Comparator.comparing((JsonObject o) -> o.get("tid").getAsString()).thenComparingDouble(
			o -> o.get("ts").getAsDouble()).thenComparingDouble(o -> -o.get("dur").getAsDouble()));
		final Map<String, double[]> self = new HashMap<>();
		final Deque<double[]> stack = new ArrayDeque<>();
		final Deque<String> names = new ArrayDeque<>();
		String tid = null;
		for (final JsonObject o : events) {
			final String t = o.get("tid").getAsString();
			final double ts = o.get("ts").getAsDouble();
			final double dur = o.get("dur").getAsDouble();
			if (!t.equals(tid)) {
				flush(stack, names, self, Double.POSITIVE_INFINITY);
				tid = t;
			}
			flush(stack, names, self, ts);
			if (!stack.isEmpty()) stack.peek()[2] += dur;
			stack.push(new double[] { ts, ts + dur, 0 });
			names.push(o.get("name").getAsString());
		}
		flush(stack, names, self, Double.POSITIVE_INFINITY);
		return self;
	}

	private static void flush(final Deque<double[]> stack, final Deque<String> names,
		final Map<String, double[]> self, final double now)
	{
		while (!stack.isEmpty() && stack.peek()[1] <= now) {
			final double[] e = stack.pop();
			final double[] acc = self.computeIfAbsent(names.pop(), k -> new double[2]);
			acc[0] += (e[1] - e[0] - e[2]) / 1000;
			acc[1]++;
		}
	}

	static void print(final Map<String, double[]> self, final int top) {
		final double total = self.values().stream().mapToDouble(v -> v[0]).sum();
		System.out.println(String.format(Locale.ROOT, "%-45s %10s %6s %8s", "operator", "self ms", "%",
			"calls"));
		self.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0])).limit(
			top).forEach(e -> System.out.println(String.format(Locale.ROOT, "%-45s %10.1f %6.1f %8.0f", e
				.getKey(), e.getValue()[0], 100 * e.getValue()[0] / total, e.getValue()[1])));
	}
}
