package org.pssr.crappify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

import org.pssr.crappify.io.TiffStackReader;

/** One split of a dataset on disk: sample i read from the three stacks on demand; epochs are ignored. */
final class StoredTwinSource implements TwinSource {

	private final TiffStackReader targets;
	private final TiffStackReader lr1;
	private final TiffStackReader lr2;
	private final int size;
	private final int frames;
	private final Degradation recipe;
	private final String description;

	StoredTwinSource(final TiffStackReader targets, final TiffStackReader lr1,
		final TiffStackReader lr2, final int size, final int frames, final Degradation recipe,
		final String description)
	{
		this.targets = targets;
		this.lr1 = lr1;
		this.lr2 = lr2;
		this.size = size;
		this.frames = frames;
		this.recipe = recipe;
		this.description = description;
	}

	@Override
	public int size() {
		return size;
	}

	@Override
	public TwinSample get(final long epoch, final int index) {
		Objects.checkIndex(index, size);
		try {
			return new TwinSample(tuple(lr1, index), tuple(lr2, index), targets.readPlane(index),
				frames, lr1.width(), lr1.height(), recipe.scale());
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private float[] tuple(final TiffStackReader stack, final int index) throws IOException {
		final int plane = stack.width() * stack.height();
		final float[] out = new float[frames * plane];
		for (int c = 0; c < frames; c++) {
			System.arraycopy(stack.readPlane(index * frames + c), 0, out, c * plane, plane);
		}
		return out;
	}

	@Override
	public int frames() {
		return frames;
	}

	@Override
	public int scale() {
		return recipe.scale();
	}

	@Override
	public Optional<Degradation> recipe() {
		return Optional.of(recipe);
	}

	@Override
	public String describe() {
		return description;
	}
}
