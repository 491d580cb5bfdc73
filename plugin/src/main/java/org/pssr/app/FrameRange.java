package org.pssr.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Frames {@code first} to {@code last} of a movie, both included and counted from 1 as ImageJ counts
 * them; written {@code A:B} on the command line, in macros and in the names of movie parts.
 */
public final class FrameRange {

	private static final Pattern SYNTAX = Pattern.compile("\\s*(\\d+)\\s*:\\s*(\\d+)\\s*");

	private final int first;
	private final int last;

	public FrameRange(final int first, final int last) {
		if (first < 1 || last < first) throw new IllegalArgumentException("frames " + first + ":" +
			last + " are not a range: give FIRST:LAST with 1 <= FIRST <= LAST (frames count from 1)");
		this.first = first;
		this.last = last;
	}

	/** @throws IllegalArgumentException for anything but {@code A:B} with {@code 1 <= A <= B} */
	public static FrameRange parse(final String text) {
		final Matcher m = SYNTAX.matcher(text == null ? "" : text);
		if (!m.matches()) throw new IllegalArgumentException("frames '" + text +
			"' is not a range: give FIRST:LAST, e.g. 1:100 (frames count from 1, both included)");
		try {
			return new FrameRange(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("frames '" + text + "': numbers too large", e);
		}
	}

	/** Consecutive ranges of at most {@code size} frames covering frames 1 to {@code frames}. */
	public static List<FrameRange> chunks(final int frames, final int size) {
		if (size < 1) throw new IllegalArgumentException("chunks must have at least 1 frame, not " +
			size);
		final List<FrameRange> chunks = new ArrayList<>();
		// in longs: a chunk size near Integer.MAX_VALUE must not wrap around into a negative range
		for (long first = 1; first <= frames; first += size)
			chunks.add(new FrameRange((int) first, (int) Math.min(frames, first + size - 1)));
		return chunks;
	}

	public int first() {
		return first;
	}

	public int last() {
		return last;
	}

	public int length() {
		return last - first + 1;
	}

	/** @throws IllegalArgumentException when the range reaches beyond a movie of {@code frames} */
	public FrameRange within(final int frames) {
		if (last > frames) throw new IllegalArgumentException("frames " + this +
			" are outside the movie, which has " + frames + (frames == 1 ? " frame" : " frames") +
			" (1:" + frames + ")");
		return this;
	}

	public boolean overlaps(final FrameRange other) {
		return first <= other.last && other.first <= last;
	}

	/** Zero-padded so that the parts of a movie sort in frame order by name. */
	String fileStem() {
		return String.format(Locale.ROOT, "frames-%06d-%06d", first, last);
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof FrameRange && ((FrameRange) o).first == first && ((FrameRange) o).last == last;
	}

	@Override
	public int hashCode() {
		return 31 * first + last;
	}

	@Override
	public String toString() {
		return first + ":" + last;
	}
}
