package org.pssr.crappify;

/**
 * A movie whose size and calibration are fixed when it is made; subclasses say how a frame is
 * read or computed.
 */
public abstract class AbstractMovie implements Movie {

	private final long width;
	private final long height;
	private final int frames;
	private final Calibration calibration;

	protected AbstractMovie(final long width, final long height, final int frames,
		final Calibration calibration)
	{
		this.width = width;
		this.height = height;
		this.frames = frames;
		this.calibration = calibration;
	}

	/** A movie of the size, length and calibration of {@code like}: a view or a copy of it. */
	protected AbstractMovie(final Movie like) {
		this(like.width(), like.height(), like.frames(), like.calibration());
	}

	@Override
	public final long width() {
		return width;
	}

	@Override
	public final long height() {
		return height;
	}

	@Override
	public final int frames() {
		return frames;
	}

	@Override
	public final Calibration calibration() {
		return calibration;
	}
}
