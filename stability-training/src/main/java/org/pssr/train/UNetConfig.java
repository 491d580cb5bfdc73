package org.pssr.train;

import java.util.Arrays;

import ai.djl.Device;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.pssr.crappify.AbstractFactory;

/**
 * The shape of a {@link UNet}: what a model bundle records and what loading it checks. Channel widths
 * are given per level, from full resolution down to the bottleneck ({@code widths.length - 1}
 * down-steps).
 */
public final class UNetConfig implements Architecture {

	private final String preset;
	private final int frames;
	private final int scale;
	private final int[] widths;
	private final int resBlocks;
	private final boolean attention;
	private final boolean lowResolution;

	/**
	 * @param lowResolution run the U-Net on the LR grid and upsample at the end with pixel shuffle
	 *          (preset {@code fast}); otherwise upsample the input bilinearly first, as PSSR does
	 */
	public UNetConfig(final String preset, final int frames, final int scale, final int[] widths,
		final int resBlocks, final boolean attention, final boolean lowResolution)
	{
		if (frames < 1 || frames % 2 == 0) throw new IllegalArgumentException(
			"frames must be odd and positive (centre frame plus neighbours), not " + frames);
		if (scale < 1 || scale > 8) throw new IllegalArgumentException("scale must be 1..8, not " + scale);
		if (widths.length < 2) throw new IllegalArgumentException("a U-Net needs at least one down-step");
		for (final int w : widths) {
			if (w < 8) throw new IllegalArgumentException("channel widths must be at least 8");
		}
		if (resBlocks < 0) throw new IllegalArgumentException("resBlocks must not be negative");
		this.preset = preset;
		this.frames = frames;
		this.scale = scale;
		this.widths = widths.clone();
		this.resBlocks = resBlocks;
		this.attention = attention;
		this.lowResolution = lowResolution;
	}

	/**
	 * The network the registry ({@link Networks}) has under {@code name}: {@code pssr} (ResNet-style
	 * encoder, 4 down-steps, self-attention; for a GPU), {@code small} (CPU, tests, demo) or
	 * {@code fast} (U-Net on the LR grid), or one a jar adds.
	 */
	public static UNetConfig preset(final String name, final int frames, final int scale) {
		final Architecture a = Networks.factory(name).create(frames, scale);
		if (a instanceof UNetConfig) return (UNetConfig) a;
		throw new IllegalArgumentException("preset '" + name + "' is not a U-Net");
	}

	/**
	 * A U-Net of fixed widths, residual blocks, attention and grid for any frames and scale: what
	 * pssr's presets share; each gives its key, description and shape once.
	 */
	public abstract static class Preset extends AbstractFactory implements NetworkFactory {

		private final int[] widths;
		private final int resBlocks;
		private final boolean attention;
		private final boolean lowResolution;

		protected Preset(final String key, final String description, final int[] widths,
			final int resBlocks, final boolean attention, final boolean lowResolution)
		{
			super(key, description);
			this.widths = widths.clone();
			this.resBlocks = resBlocks;
			this.attention = attention;
			this.lowResolution = lowResolution;
		}

		@Override
		public final UNetConfig create(final int frames, final int scale) {
			return new UNetConfig(key(), frames, scale, widths, resBlocks, attention, lowResolution);
		}
	}

	/** {@code pssr}: PSSR's ResNet-style U-Net, 4 down-steps and self-attention; for a GPU. */
	public static final class Pssr extends Preset {

		public Pssr() {
			super("pssr", "PSSR's ResNet-style U-Net: 4 down-steps, 2 residual blocks a level, " +
				"self-attention; for a GPU.", new int[] { 32, 64, 128, 256, 512 }, 2, true, false);
		}
	}

	/** {@code small}: a U-Net that trains on a CPU (tests, the demo). */
	public static final class Small extends Preset {

		public Small() {
			super("small", "A small U-Net (3 down-steps, widths 16 to 64) that trains on a CPU.",
				new int[] { 16, 32, 64, 64 }, 1, false, false);
		}
	}

	/** {@code fast}: the U-Net on the LR grid, upsampled at the end with pixel shuffle. */
	public static final class Fast extends Preset {

		public Fast() {
			super("fast", "A U-Net on the low-resolution grid, upsampled at the end (pixel shuffle): " +
				"the fastest.", new int[] { 32, 64, 128, 128 }, 1, false, true);
		}
	}

	@Override
	public String preset() {
		return preset;
	}

	@Override
	public int frames() {
		return frames;
	}

	@Override
	public int scale() {
		return scale;
	}

	public int[] widths() {
		return widths.clone();
	}

	public int depth() {
		return widths.length - 1;
	}

	public int resBlocks() {
		return resBlocks;
	}

	public boolean attention() {
		return attention;
	}

	public boolean lowResolution() {
		return lowResolution;
	}

	/** LR tile sides must be multiples of this so that every down-step halves an even size. */
	@Override
	public int lrMultiple() {
		final int grid = 1 << depth();
		if (lowResolution) return grid;
		return grid / gcd(scale, grid);
	}

	private static int gcd(final int a, final int b) {
		return b == 0 ? a : gcd(b, a % b);
	}

	@Override
	public JsonObject toJson() {
		final JsonObject o = new JsonObject();
		o.addProperty("preset", preset);
		o.addProperty("frames", frames);
		o.addProperty("scale", scale);
		final JsonArray w = new JsonArray();
		for (final int c : widths) {
			w.add(c);
		}
		o.add("widths", w);
		o.addProperty("resBlocks", resBlocks);
		o.addProperty("attention", attention);
		o.addProperty("lowResolution", lowResolution);
		return o;
	}

	@Override
	public UNet build(final Device device, final long seed) {
		return new UNet(this, device, seed);
	}

	public static UNetConfig fromJson(final JsonObject o) {
		final JsonArray w = o.getAsJsonArray("widths");
		final int[] widths = new int[w.size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = w.get(i).getAsInt();
		}
		return new UNetConfig(o.get("preset").getAsString(), o.get("frames").getAsInt(), o.get("scale")
			.getAsInt(), widths, o.get("resBlocks").getAsInt(), o.get("attention").getAsBoolean(), o.get(
				"lowResolution").getAsBoolean());
	}

	@Override
	public String toString() {
		return preset + " (" + frames + " frames, x" + scale + ", widths " + Arrays.toString(widths) + ", " +
			resBlocks + " res blocks/level" + (attention ? ", self-attention" : "") + (lowResolution
				? ", LR U-Net + pixel shuffle" : ", bilinear upsample first") + ")";
	}
}
