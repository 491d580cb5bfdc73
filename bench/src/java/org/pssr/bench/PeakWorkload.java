package org.pssr.bench;

import java.util.Collections;
import java.util.List;

/** The machine's practical peak: GFLOP/s of a dense square matrix multiply in each engine. */
final class PeakWorkload implements Workload {

	@Override
	public String name() {
		return "peak-matmul";
	}

	@Override
	public List<Measurement> run(final BenchContext context) throws Exception {
		final double[] peak = context.peakGflops();
		final int n = context.matmulSize();
		return Collections.singletonList(new Measurement("hardware: dense matmul " + n + "x" + n +
			" (peak" + context.onDevice() + ")", "GFLOP/s", peak[0], peak[1], true, context.referenceNote(
				"DJL NDArray.matMul vs torch.matmul; the denominator of the fractions")));
	}
}
