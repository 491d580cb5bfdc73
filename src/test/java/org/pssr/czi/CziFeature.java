package org.pssr.czi;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A CZI file that {@link CziFeatureFiles} wrote, with what the reader must make of it: its planes,
 * codecs and scaling, channel names, time stamps and time increment.
 */
public final class CziFeature {

	private final Path file;
	private final ExpectedContent content;
	private List<String> channelNames = Collections.emptyList();
	private double[] timeStamps = new double[0];
	private double timeIncrement = Double.NaN;

	CziFeature(final Path file, final ExpectedContent content) {
		this.file = file;
		this.content = content;
	}

	CziFeature channelNames(final String... names) {
		channelNames = Collections.unmodifiableList(Arrays.asList(names.clone()));
		return this;
	}

	CziFeature timeStamps(final double... seconds) {
		timeStamps = seconds.clone();
		return this;
	}

	CziFeature timeIncrement(final double seconds) {
		timeIncrement = seconds;
		return this;
	}

	public Path file() {
		return file;
	}

	ExpectedContent content() {
		return content;
	}

	public List<String> channelNames() {
		return channelNames;
	}

	public double[] timeStamps() {
		return timeStamps.clone();
	}

	/** Seconds between time points; NaN when the file does not say. */
	public double timeIncrement() {
		return timeIncrement;
	}

	/** Width of the first scene's planes (its mosaic's bounding box). */
	public long width() {
		return content.planes().get(0).width();
	}

	public long height() {
		return content.planes().get(0).height();
	}
}
