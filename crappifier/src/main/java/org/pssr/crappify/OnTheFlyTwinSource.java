package org.pssr.crappify;

import java.util.Objects;
import java.util.Optional;

/**
 * Twins drawn from the HR movies at every {@link #get}, no disk involved. Training samples change
 * with the epoch (fresh tiles and noise); validation samples ignore it, so validation losses of
 * different epochs are comparable. Epoch 0 gives the samples a dataset written with the same
 * crappifier holds.
 */
public final class OnTheFlyTwinSource implements TwinSource {

	private final TwinCrappifier crappifier;
	private final Split split;
	private final int size;

	public OnTheFlyTwinSource(final TwinCrappifier crappifier, final Split split, final int size) {
		if (size > 0 && !crappifier.hasFrames(split)) {
			throw new IllegalArgumentException("no frames for the " + split.folder() + " split");
		}
		this.crappifier = crappifier;
		this.split = split;
		this.size = size;
	}

	@Override
	public int size() {
		return size;
	}

	@Override
	public TwinSample get(final long epoch, final int index) {
		Objects.checkIndex(index, size);
		return crappifier.draw(split, split == Split.TRAIN ? epoch : 0, index);
	}

	@Override
	public int frames() {
		return crappifier.options().frames();
	}

	@Override
	public int scale() {
		return crappifier.recipe().scale();
	}

	@Override
	public Optional<Degradation> recipe() {
		return Optional.of(crappifier.recipe());
	}

	@Override
	public String describe() {
		return crappifier.describe();
	}
}
