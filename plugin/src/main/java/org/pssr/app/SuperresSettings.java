package org.pssr.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a model super-resolves movies: what {@code superres}, its SLURM tasks, Fiji's Super-Resolve
 * Movie, the guided command and the demo take. Never changed once built; {@link #DEFAULTS} is the
 * one home of every default: the CLI's options and Fiji's fields read theirs from it.
 */
public final class SuperresSettings {

	/** The output's bits per sample, the default first: the CLI's {@code --bits}, Fiji's choices. */
	public static final List<Integer> BITS = List.of(32, 16);

	/** Every setting at its default. */
	public static final SuperresSettings DEFAULTS = builder().build();

	private final int tile;
	private final int bits;
	private final int uncertainty;

	private SuperresSettings(final Builder b) {
		tile = b.tile;
		bits = b.bits;
		uncertainty = b.uncertainty;
	}

	/** The defaults, to change before {@link Builder#build()}. */
	public static Builder builder() {
		return new Builder();
	}

	/** The settings as text, by the CLI's option names without dashes. */
	public Map<String, String> values() {
		final Map<String, String> m = new LinkedHashMap<>();
		m.put("tile", Integer.toString(tile));
		m.put("bits", Integer.toString(bits));
		m.put("uncertainty", Integer.toString(uncertainty));
		return m;
	}

	/** LR tile side; 0 estimates it from the device's free memory. */
	public int tile() {
		return tile;
	}

	/** 32 (float) or 16 (unsigned, rounded and clamped). */
	public int bits() {
		return bits;
	}

	/**
	 * Re-noisings of the input whose spread is the uncertainty map, a second channel; 0: no map.
	 */
	public int uncertainty() {
		return uncertainty;
	}

	/** Refuses an output format as it is given; tile and draws are checked by what uses them. */
	public static final class Builder {

		private int tile;
		private int bits = BITS.get(0);
		private int uncertainty;

		private Builder() {}

		public Builder tile(final int v) {
			tile = v;
			return this;
		}

		public Builder bits(final int v) {
			if (!BITS.contains(v)) throw new IllegalArgumentException("output bits must be 32 or 16, not " +
				v);
			bits = v;
			return this;
		}

		public Builder uncertainty(final int v) {
			uncertainty = v;
			return this;
		}

		public SuperresSettings build() {
			return new SuperresSettings(this);
		}
	}
}
