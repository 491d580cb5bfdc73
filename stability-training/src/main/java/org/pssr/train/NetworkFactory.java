package org.pssr.train;

/**
 * Makes one network shape, after TrackMate's factories, as {@link java.util.ServiceLoader} finds it
 * in {@code META-INF/services/org.pssr.train.NetworkFactory}: the key {@code --preset} and Fiji's
 * <i>Model size</i> take and bundles record ({@link UNetConfig#preset()}), what it is for, and the
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
	UNetConfig create(int frames, int scale);
}
