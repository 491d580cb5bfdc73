package org.pssr.train;

import com.google.gson.JsonObject;

/**
 * Makes one network shape, after TrackMate's factories, as {@link java.util.ServiceLoader} finds it
 * in {@code META-INF/services/org.pssr.train.NetworkFactory}: the key {@code --preset} and Fiji's
 * <i>Model size</i> take and bundles record ({@link Architecture#preset()}), what it is for, and the
 * network's description for a number of input frames and a scale. {@link Networks} is the registry.
 */
public interface NetworkFactory {

	/** One lowercase word: what the network is chosen by and recorded as. */
	String key();

	/** What the network is and what it is for, in a sentence, for the help and the guide. */
	String description();

	/**
	 * @param frames input frames, odd
	 * @param scale 2, 4 or 8
	 */
	Architecture create(int frames, int scale);

	/**
	 * The shape {@link Architecture#toJson()} recorded, in a bundle or a checkpoint. pssr's networks
	 * are U-Nets; another network's factory reads its own form.
	 */
	default Architecture fromJson(final JsonObject recorded) {
		return UNetConfig.fromJson(recorded);
	}
}
