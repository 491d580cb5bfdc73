package org.pssr.train.infer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;

/**
 * The first tile size to try, from the memory free on the model's device. An estimate only: the
 * predictor halves the tile when the device runs out of memory anyway.
 */
public final class TileSizes {

	public static final int MIN = 32;
	public static final int MAX = 1024;

	/**
	 * Bytes of activations per LR pixel and per HR pixel of output: a U-Net of ~32 features at HR
	 * resolution keeps about ten float maps alive during inference.
	 */
	private static final long BYTES_PER_HR_PIXEL = 32L * 4 * 10;

	private TileSizes() {}

	/** @param device as {@link org.pssr.train.SuperResolutionModel#device()} says it */
	public static int forDevice(final String device, final int scale) {
		return forFreeBytes(freeBytes(device), scale);
	}

	static int forFreeBytes(final long freeBytes, final int scale) {
		final double budget = freeBytes / 2.0;
		final double lrPixels = budget / (BYTES_PER_HR_PIXEL * scale * scale);
		final int side = (int) Math.sqrt(Math.max(0, lrPixels)) / 16 * 16;
		return Math.max(MIN, Math.min(MAX, side));
	}

	private static long freeBytes(final String device) {
		final String d = device.toLowerCase(java.util.Locale.ROOT);
		if ((d.contains("gpu") || d.contains("cuda")) && CudaUtils.getGpuCount() > 0) {
			final MemoryUsage usage = CudaUtils.getGpuMemory(Device.gpu());
			return usage.getMax() - usage.getUsed();
		}
		final java.lang.management.OperatingSystemMXBean os = ManagementFactory
			.getOperatingSystemMXBean();
		if (os instanceof com.sun.management.OperatingSystemMXBean) {
			return ((com.sun.management.OperatingSystemMXBean) os).getFreePhysicalMemorySize();
		}
		return Runtime.getRuntime().maxMemory();
	}
}
