package org.pssr.czi;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;

/** What a user wants to know about a CZI before converting it, as lines of text. */
public final class CziDescription {

	private CziDescription() {}

	public static List<String> describe(final CziFile czi) {
		final List<String> lines = new ArrayList<>();
		final CziMetadata m = czi.metadata();
		lines.add("File: " + czi.name());
		lines.add("Codecs: " + codecs(czi.compressions()));
		lines.add("Scenes: " + czi.scenes().size());
		for (final CziScene s : czi.scenes()) {
			final StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
				"Scene %d: %d x %d px, C=%d Z=%d T=%d", s.index(), s.width(), s.height(), s.sizeC(),
				s.sizeZ(), s.sizeT()));
			for (final char c : s.letters().toCharArray())
				if (c != 'C' && c != 'Z' && c != 'T' && s.size(c) > 1)
					sb.append(' ').append(c).append('=').append(s.size(c));
			sb.append(", ").append(s.pixelType()).append(", ").append(s.tileCount()).append(" tiles, ")
				.append(s.planeCount()).append(" of ").append(s.gridSize()).append(" planes present");
			lines.add(sb.toString());
			try {
				czi.requireDecodable(s.index());
			}
			catch (final IOException e) {
				lines.add("  not readable here: " + e.getMessage());
			}
		}
		lines.add("Pixel size: " + (m.pixelWidth() > 0 ? number(m.pixelWidth()) + " x " + number(m
			.pixelHeight()) + " µm" : "uncalibrated") + (m.zStep() > 0 ? ", Z step " + number(m.zStep()) +
				" µm" : ""));
		lines.add("Time increment: " + (m.timeIncrement() > 0 ? number(m.timeIncrement()) + " s"
			: "unknown"));
		final double[] stamps = m.timeStamps();
		if (stamps.length > 0) lines.add("Time stamps: " + stamps.length + " (" + number(stamps[0]) +
			" .. " + number(stamps[stamps.length - 1]) + " s)");
		lines.add("Channels: " + (m.channelNames().isEmpty() ? "(unnamed)" : String.join(", ", m
			.channelNames())));
		return lines;
	}

	/** Six significant digits without trailing zeros. */
	private static String number(final double value) {
		return new BigDecimal(String.format(Locale.ROOT, "%.6g", value)).stripTrailingZeros()
			.toPlainString();
	}

	private static String codecs(final SortedSet<Integer> codes) {
		final List<String> names = new ArrayList<>();
		for (final int c : codes)
			names.add(CziCompression.name(c));
		return String.join(", ", names);
	}
}
