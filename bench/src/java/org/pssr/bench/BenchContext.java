package org.pssr.bench;

import java.nio.file.Path;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;

import com.google.gson.JsonObject;

import org.pssr.train.Engines;

/**
 * What every workload shares: quick or full sizes, the thread count, the device of the training,
 * inference and peak rows, the reference, where the test data lives, and the machine's measured
 * peak (dense matrix multiply) on both sides, measured once.
 */
public final class BenchContext {

	private final boolean quick;
	private final int threads;
	private final Reference reference;
	private final Path shared;
	private final Device device;
	private double[] peak;

	/** On the CPU. */
	public BenchContext(final boolean quick, final int threads, final Reference reference,
		final Path shared)
	{
		this(quick, threads, reference, shared, Device.cpu());
	}

	/**
	 * @param device of the training, inference and peak rows; the reference runs them on CUDA when
	 *          it is a GPU
	 */
	public BenchContext(final boolean quick, final int threads, final Reference reference,
		final Path shared, final Device device)
	{
		this.quick = quick;
		this.threads = threads;
		this.reference = reference;
		this.shared = shared;
		this.device = device;
	}

	public Device device() {
		return device;
	}

	public boolean onGpu() {
		return device.isGpu();
	}

	/** What a row's name adds for the device: nothing on the CPU. */
	public String onDevice() {
		return onGpu() ? ", GPU" : "";
	}

	/**
	 * Sets DJL's PyTorch thread counts; only effective before the engine is first loaded, which is why
	 * {@code pssr bench} calls it first. {@link #ourThreads()} says what the engine really uses.
	 */
	public static void requestEngineThreads(final int threads) {
		System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
		System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(threads));
	}

	public boolean quick() {
		return quick;
	}

	public int threads() {
		return threads;
	}

	public Reference reference() {
		return reference;
	}

	/** {@code /work/shared}-like folder with {@code data/czi} and {@code data/movies}. */
	public Path shared() {
		return shared;
	}

	/** Intra-op threads of the loaded DJL PyTorch engine. */
	public static int ourThreads() {
		Engines.pytorch();
		return JniUtils.getNumThreads();
	}

	public static int ourInteropThreads() {
		Engines.pytorch();
		return JniUtils.getNumInteropThreads();
	}

	/** Side of the square matrices of the peak measurement. */
	public int matmulSize() {
		return quick ? 256 : 2048;
	}

	/** Dense matmul GFLOP/s: ours (DJL PyTorch) and the reference's (NaN when it cannot run). */
	public synchronized double[] peakGflops() throws Exception {
		if (peak == null) {
			final int n = matmulSize();
			final int reps = quick ? 3 : 5;
			final double s;
			try (NDManager m = Engines.pytorch().newBaseManager(device)) {
				final NDArray a = m.randomUniform(0, 1, new Shape(n, n));
				final NDArray b = m.randomUniform(0, 1, new Shape(n, n));
				// a GPU queues the product: reading one number of it waits for it
				s = Stopwatch.medianSeconds(1, reps, () -> {
					try (NDArray product = a.matMul(b)) {
						if (onGpu()) product.get(0, 0).getFloat();
					}
				});
			}
			final double ours = 2.0 * n * n * n / s / 1e9;
			double theirs = Double.NaN;
			if (reference.available()) {
				final JsonObject r = reference.run("matmul", "--size", Integer.toString(n), "--warmup", "1",
					"--reps", Integer.toString(reps), "--device", referenceDevice());
				theirs = r.get("gflops").getAsDouble();
			}
			peak = new double[] { ours, theirs };
		}
		return peak.clone();
	}

	/** The reference's {@code --device}: {@code cuda} for a GPU. */
	public String referenceDevice() {
		return onGpu() ? "cuda" : "cpu";
	}

	/** The note for a line whose reference column is empty. */
	public String referenceNote(final String note) {
		final String why = reference.unavailableReason();
		if (why == null) return note;
		return note == null || note.isEmpty() ? why : note + "; " + why;
	}
}
