package org.pssr.train;

import ai.djl.Device;

import com.google.gson.JsonObject;

/**
 * The shape of a network, as a {@link NetworkFactory} makes it and bundles and checkpoints record
 * it: what the trainer, the bundle and the checkpoints know of a network's description, whatever
 * network it is ({@link UNetConfig} for pssr's own).
 */
public interface Architecture {

	/** The key of the factory that made it ({@link NetworkFactory#key()}). */
	String preset();

	/** Input frames, odd. */
	int frames();

	int scale();

	/** LR sides that need no padding. */
	int lrMultiple();

	/** The recorded form, read back by its factory's {@link NetworkFactory#fromJson}. */
	JsonObject toJson();

	/** A network of this shape on {@code device}, its weights drawn from {@code seed}. */
	Network build(Device device, long seed);
}
