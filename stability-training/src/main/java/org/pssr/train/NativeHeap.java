package org.pssr.train;

import java.util.Locale;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Lets glibc keep the memory of freed tensors for the next step instead of handing it back to the
 * kernel. A training step allocates and frees activations of several MB each; glibc serves blocks
 * that large with {@code mmap} and returns them with {@code munmap} unless its heap may grow and
 * stay grown, so every step would take each page of its activations fresh from the kernel, faulted
 * and zeroed: steps of the small preset at 128 px took 0.35-0.55 s instead of 0.15-0.20 s on the
 * 2-core build machine. A Python process mostly escapes it (glibc raises its mmap threshold when the
 * main thread frees such blocks); the JVM's threads did not. The settings are those of
 * {@code MALLOC_MMAP_THRESHOLD_}, {@code MALLOC_TRIM_THRESHOLD_} and {@code MALLOC_TOP_PAD_},
 * applied once through {@code mallopt} (the environment of a running JVM, Fiji's, cannot be
 * changed). The cost: up to {@link #TRIM_THRESHOLD} of freed memory per allocator arena stays
 * resident after a peak.
 */
final class NativeHeap {

	/** Blocks below this come from the heap, not from mmap: a 256 px step's largest activation. */
	static final int MMAP_THRESHOLD = 256 << 20;
	static final int TRIM_THRESHOLD = 512 << 20;
	static final int TOP_PAD = 64 << 20;
	private static final int M_TRIM_THRESHOLD = -1;
	private static final int M_TOP_PAD = -2;
	private static final int M_MMAP_THRESHOLD = -3;
	private static boolean applied;

	private NativeHeap() {}

	private interface C extends Library {

		int mallopt(int param, int value);
	}

	/**
	 * Applies the settings on Linux, once, unless the user tuned glibc's allocator through the
	 * environment themselves ({@code MALLOC_*} or {@code GLIBC_TUNABLES}), which then stands.
	 *
	 * @return whether they are now in effect
	 */
	static synchronized boolean keepFreedTensorMemory() {
		if (applied) return true;
		if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) return false;
		if (System.getenv("GLIBC_TUNABLES") != null || System.getenv().keySet().stream().anyMatch(
			k -> k.startsWith("MALLOC_"))) return false;
		try {
			final C c = Native.load("c", C.class);
			applied = c.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1 && c.mallopt(M_TRIM_THRESHOLD,
				TRIM_THRESHOLD) == 1 && c.mallopt(M_TOP_PAD, TOP_PAD) == 1;
		}
		catch (final UnsatisfiedLinkError e) {
			// not glibc (musl has no mallopt): its allocator is left as it is, slower steps at worst
			applied = false;
		}
		return applied;
	}
}
