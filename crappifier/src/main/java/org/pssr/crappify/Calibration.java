package org.pssr.crappify;

import java.util.Locale;

/** Physical pixel size and frame interval of a movie; NaN where the source did not say. */
public final class Calibration {

	public static final Calibration UNKNOWN = new Calibration(Double.NaN, Double.NaN, Double.NaN);

	private final double pixelWidth;
	private final double pixelHeight;
	private final double frameInterval;

	/**
	 * @param pixelWidth µm per pixel along X
	 * @param pixelHeight µm per pixel along Y
	 * @param frameInterval seconds between frames
	 */
	public Calibration(final double pixelWidth, final double pixelHeight, final double frameInterval) {
		this.pixelWidth = pixelWidth;
		this.pixelHeight = pixelHeight;
		this.frameInterval = frameInterval;
	}

	public double pixelWidth() {
		return pixelWidth;
	}

	public double pixelHeight() {
		return pixelHeight;
	}

	public double frameInterval() {
		return frameInterval;
	}

	public boolean hasPixelSize() {
		return pixelWidth > 0 && pixelHeight > 0;
	}

	public boolean hasFrameInterval() {
		return frameInterval > 0;
	}

	/** The calibration of the same field sampled {@code factor} times more finely. */
	public Calibration upsampled(final int factor) {
		return new Calibration(pixelWidth / factor, pixelHeight / factor, frameInterval);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%s x %s µm, %s s/frame", pixelWidth, pixelHeight, frameInterval);
	}
}
