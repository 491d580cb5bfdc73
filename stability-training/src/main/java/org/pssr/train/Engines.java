package org.pssr.train;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The one place that loads the PyTorch engine and picks the device. The native libraries ship with
 * pssr (a jar per platform), so the engine is loaded offline unless the user explicitly asked
 * otherwise. Under SLURM, the CPU threads follow the job's allocation ({@link ComputeResources}).
 */
public final class Engines {

	public static final String ENGINE = "PyTorch";
	/** Platforms whose PyTorch natives pssr ships (Maven Central has CPU natives for these). */
	public static final String PLATFORMS = "linux-x86_64, win-x86_64, osx-aarch64";

	/** Where a model may run: the one list of the CLI's {@code --device} and Fiji's <i>Run on</i>. */
	public static final List<String> DEVICES = List.of("auto", "cpu", "gpu");

	private static Engine engine;

	private Engines() {}

	/**
	 * The PyTorch engine, loaded without network access.
	 *
	 * @throws IllegalStateException saying how to get natives on a platform pssr has none for
	 */
	public static synchronized Engine pytorch() {
		if (engine != null) return engine;
		NativeHeap.keepFreedTensorMemory();
		try {
			engine = offline(() -> Engine.getEngine(ENGINE));
			ComputeResources.current().threads().ifPresent(JniUtils::setNumThreads);
		}
		catch (final EngineException e) {
			throw new IllegalStateException("PyTorch could not start on " + System.getProperty(
				"os.name") + " " + System.getProperty("os.arch") + ": " + e.getMessage() +
				". pssr ships PyTorch natives for " + PLATFORMS + "; elsewhere let DJL download them " +
				"once with -Dai.djl.offline=false (needs the internet).", e);
		}
		return engine;
	}

	/**
	 * Runs an engine load offline unless the user set {@code ai.djl.offline} themselves, and leaves
	 * the property as it was: other DJL users of the same JVM (other Fiji plugins) keep their own
	 * setting.
	 */
	public static <T> T offline(final Supplier<T> load) {
		if (System.getProperty("ai.djl.offline") != null) return load.get();
		System.setProperty("ai.djl.offline", "true");
		try {
			return load.get();
		}
		finally {
			System.clearProperty("ai.djl.offline");
		}
	}

	/**
	 * @param choice {@code auto} (GPU when DJL sees one, else CPU), {@code cpu} or {@code gpu}
	 * @throws IllegalArgumentException for an unknown choice or {@code gpu} without a GPU
	 */
	public static Device device(final String choice) {
		final String c = deviceChoice(choice);
		final int gpus = pytorch().getGpuCount();
		switch (c) {
			case "auto":
				return gpus > 0 ? Device.gpu() : Device.cpu();
			case "cpu":
				return Device.cpu();
			case "gpu":
				if (gpus == 0) throw new IllegalArgumentException(
					"--device gpu: PyTorch sees no GPU here (CUDA natives are in the -Pgpu build)");
				return Device.gpu();
			default:
				throw new IllegalStateException("unreachable: " + c);
		}
	}

	/**
	 * {@code auto}, {@code cpu} or {@code gpu}, in any case; checked without starting the engine, so
	 * a typo is refused before any work.
	 */
	public static String deviceChoice(final String choice) {
		final String c = choice == null ? "auto" : choice.trim().toLowerCase(Locale.ROOT);
		if (!DEVICES.contains(c)) throw new IllegalArgumentException("unknown device '" + choice +
			"': use auto, cpu or gpu");
		return c;
	}

	/** Engine, version, device and CPU threads in one line, e.g. "PyTorch 2.3.0 on cpu(), 2 threads". */
	public static String describe(final Device device) {
		final Engine engine = pytorch();
		return ENGINE + " " + engine.getVersion() + " on " + device + ", " + JniUtils.getNumThreads() +
			" threads" + (engine.getGpuCount() > 0 ? ", " + engine.getGpuCount() + " GPU(s) visible" : "");
	}

	/** {@link #describe(Device)} for the device {@code auto} picks. */
	public static String describe() {
		return describe(device("auto"));
	}

	/**
	 * Whether {@code failure} says the device, or the JVM's heap, ran out of memory: PyTorch says so
	 * only in the message of an exception somewhere in the chain of causes. Training halves its batch
	 * ({@code OutOfMemoryBackoff}) and inference its tile on it.
	 */
	public static boolean isOutOfMemory(final Throwable failure) {
		for (Throwable c = failure; c != null; c = c.getCause()) {
			if (c instanceof OutOfMemoryError) return true;
			final String message = c.getMessage();
			if (message != null && message.toLowerCase(Locale.ROOT).contains("out of memory")) return true;
		}
		return false;
	}

	/** Software versions recorded in model bundles and checked when loading them. */
	public static String djlVersion() {
		return Engine.getDjlVersion();
	}
}
