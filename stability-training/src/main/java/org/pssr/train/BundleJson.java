package org.pssr.train;

import com.google.gson.JsonElement;
import com.google.gson.annotations.SerializedName;

import org.pssr.crappify.Normalisation;

/** {@code model.json} of a model bundle: field names are the file's keys. */
final class BundleJson {

	String format;
	int formatVersion;
	Architecture architecture;
	int frames;
	int scale;
	long parameters;
	double flopsPerHrPixel;
	Normalisation normalisation;
	/** {@code {name, parameters}}; format 1 wrote a line of text ({@code Degradations.recorded}). */
	JsonElement recipe;
	/** What the training samples were, in one line. */
	String data;
	/** The training run ({@link TrainingResult#record()}), kept as written. */
	JsonElement training;
	Software software;
	/** When the bundle was written, UTC; absent in bundles before provenance was recorded. */
	String created;

	/** The software that wrote the bundle. */
	static final class Software {

		@SerializedName("pssr-fiji")
		String pssrFiji;
		String djl;
		String engine;
		String java;
	}
}
