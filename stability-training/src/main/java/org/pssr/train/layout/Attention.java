package org.pssr.train.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Self-attention over positions (SAGAN, as in fastai's U-Net): {@code x + gamma v softmax(q^T k)},
 * with query, key and value 1x1 convolutions of {@code x} and the softmax over query positions;
 * {@code gamma} starts at 0, so the block starts as the identity.
 */
public final class Attention implements Step {

	private final int channels;
	private final int keys;
	private final double area;
	private final Convolution query;
	private final Convolution key;
	private final Convolution value;
	private final Tensor gamma;

	/** @param area positions per HR output pixel */
	Attention(final String name, final int channels, final double area) {
		this.channels = channels;
		this.keys = Math.max(1, channels / 8);
		this.area = area;
		query = Convolution.plain(name + ".query", channels, keys, 1, 1, area, 1, false);
		key = Convolution.plain(name + ".key", channels, keys, 1, 1, area, 1, false);
		value = Convolution.plain(name + ".value", channels, channels, 1, 1, area, 1, false);
		gamma = Tensor.trainable(name + ".gamma", Initialisation.constant(0), 1);
	}

	/** Channels in and out, and of the values. */
	public int channels() {
		return channels;
	}

	/** Channels of queries and keys. */
	public int keys() {
		return keys;
	}

	public Convolution query() {
		return query;
	}

	public Convolution key() {
		return key;
	}

	public Convolution value() {
		return value;
	}

	/** Name of the one-element gain of the attended values. */
	public String gamma() {
		return gamma.name();
	}

	@Override
	public void accept(final Interpreter interpreter) {
		interpreter.attention(this);
	}

	@Override
	public List<Tensor> tensors() {
		final List<Tensor> all = new ArrayList<>(query.tensors());
		all.addAll(key.tensors());
		all.addAll(value.tensors());
		all.add(gamma);
		return all;
	}

	/** The 1x1 convolutions, and the scores, softmax and mixing, quadratic in the positions. */
	@Override
	public double flopsPerHrPixel(final int hrTile) {
		final double n = (double) hrTile * hrTile * area;
		final double quadratic = (2.0 * keys * n * n + 2.0 * channels * n * n + 5 * n * n) /
			((double) hrTile * hrTile);
		return query.flopsPerHrPixel(hrTile) + key.flopsPerHrPixel(hrTile) + value.flopsPerHrPixel(
			hrTile) + quadratic;
	}
}
