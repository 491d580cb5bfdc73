package org.pssr.bench;

/** Child-JVM main: {@code PRESET HR_TILE BATCH STEPS} training steps, for the peak RSS. */
public final class TrainingMemoryProbe {

	private TrainingMemoryProbe() {}

	public static void main(final String[] args) throws Exception {
		TrainingSteps.run(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer
			.parseInt(args[3]), "cpu");
	}
}
