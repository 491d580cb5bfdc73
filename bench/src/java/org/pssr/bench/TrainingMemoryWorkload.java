package org.pssr.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.gson.JsonObject;

/** Peak RSS of training (fresh process each) against the batch size, ours and the reference's. */
final class TrainingMemoryWorkload implements Workload {

	private static final String PRESET = "small";
	private static final String HEAP = "2g";

	@Override
	public String name() {
		return "memory-train";
	}

	@Override
	public List<Measurement> run(final BenchContext context) throws Exception {
		final int tile = context.quick() ? 32 : 128;
		final int[] batches = context.quick() ? new int[] { 1, 2 } : new int[] { 1, 4, 8 };
		final List<Measurement> rows = new ArrayList<>();
		for (final int b : batches) {
			final double ours = ChildJvm.peakRssMb(HEAP, context.threads(), TrainingMemoryProbe.class
				.getName(), PRESET, Integer.toString(tile), Integer.toString(b), "2");
			double theirs = Double.NaN;
			if (context.reference().available()) {
				final JsonObject r = context.reference().run("train", "--preset", PRESET, "--tile", Integer
					.toString(tile), "--batch", Integer.toString(b), "--warmup", "1", "--reps", "1");
				theirs = r.get("peakRssMB").getAsDouble();
			}
			rows.add(new Measurement("memory: peak RSS training " + PRESET + ", HR " + tile + " px, batch " +
				b, "MB", ours, theirs, false, context.referenceNote(String.format(Locale.ROOT,
					"2 twin steps, fresh process; ours -Xmx%s", HEAP))));
		}
		return rows;
	}
}
