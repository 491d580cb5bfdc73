package org.pssr.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The record beside each part of a super-resolved movie ({@code frames-A-B.json} beside
 * {@code frames-A-B.tif}): where it came from, what it holds and the checksum of its TIFF. Written
 * after the TIFF is in place, so a part is complete exactly when its record exists and the TIFF
 * still matches it.
 */
final class PartRecord {

	static final int FORMAT = 1;

	int format = FORMAT;
	FileIdentity model;
	FileIdentity input;
	int channel;
	/** Frames of the input movie, counted from 1, both included. */
	int first;
	int last;
	int movieFrames;
	/** The whole super-resolved movie's plane size, format and calibration. */
	long width;
	long height;
	int scale;
	int bits;
	/** The LR tile side, or the frame's longer side when the tile was larger (the same tiling). */
	int tile;
	double pixelWidth;
	double pixelHeight;
	double frameInterval;
	/** The intensity map fitted on the whole movie, the same for every part of it. */
	double low;
	double high;
	String device;
	/** The part's TIFF: its name in the parts folder, size and SHA-256. */
	String part;
	long partBytes;
	String partSha256;
	/** What the joined movie's Info will say it is ({@code Provenance.text()} of the part's run). */
	String provenance;

	FrameRange range() {
		return new FrameRange(first, last);
	}

	/** How the runs of two parts differ (everything but the range); empty when they may be joined. */
	List<String> differences(final PartRecord o) {
		final List<String> d = new ArrayList<>();
		if (!model.sameAs(o.model)) d.add("model " + model + " vs " + o.model);
		if (!input.sameAs(o.input)) d.add("input " + input + " vs " + o.input);
		if (channel != o.channel) d.add("channel " + channel + " vs " + o.channel);
		if (movieFrames != o.movieFrames) d.add("movie of " + movieFrames + " vs " + o.movieFrames +
			" frames");
		if (width != o.width || height != o.height || scale != o.scale) d.add("output " + width + "x" +
			height + " (x" + scale + ") vs " + o.width + "x" + o.height + " (x" + o.scale + ")");
		if (bits != o.bits) d.add(bits + "-bit vs " + o.bits + "-bit output");
		if (tile != o.tile) d.add("tiles of " + tile + " vs " + o.tile + " px: give every task the " +
			"same --tile");
		if (!same(pixelWidth, o.pixelWidth) || !same(pixelHeight, o.pixelHeight) || !same(frameInterval,
			o.frameInterval)) d.add("calibration");
		if (!same(low, o.low) || !same(high, o.high)) d.add("intensity normalisation [" + low + ", " +
			high + "] vs [" + o.low + ", " + o.high + "]");
		return d;
	}

	/** Whether {@code o} was asked for with the same model, input and settings as this one. */
	boolean sameRequest(final PartRecord o) {
		return differences(o).isEmpty() && first == o.first && last == o.last && Objects.equals(part,
			o.part);
	}

	/** Bit for bit, NaN (no calibration) equal to NaN. */
	private static boolean same(final double a, final double b) {
		return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
	}
}
