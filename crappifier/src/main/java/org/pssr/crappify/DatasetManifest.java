package org.pssr.crappify;

import java.util.List;

/**
 * {@code manifest.json} of a twin dataset, as written and read: field names are the file's keys.
 * Written last, so a folder with a manifest is complete.
 */
final class DatasetManifest {

	String format;
	int version;
	int scale;
	int frames;
	int tile;
	int lrTile;
	Degradation recipe;
	Draw draw;
	Normalisation normalisation;
	List<Source> sources;
	Counts counts;
	String layout;
	/** The pssr-fiji version that wrote the dataset, and when (UTC). */
	String software;
	String created;

	/** The twin draw's options, apart from the recipe. */
	static final class Draw {

		long seed;
		double minSignal;
		int maxTries;
		boolean augment;
		double validationFraction;
		long epoch;
	}

	/** A movie the twins were drawn from, and its fitted intensity map. */
	static final class Source {

		String name;
		String file;
		String sha256;
		long width;
		long height;
		int frames;
		double low;
		double high;
	}

	static final class Counts {

		int train;
		int valid;
	}
}
