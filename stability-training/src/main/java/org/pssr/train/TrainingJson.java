package org.pssr.train;

import com.google.gson.Gson;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonParseException;
import com.google.gson.JsonSerializer;

import org.pssr.crappify.Records;

/**
 * The records' Gson set-up, with the network's shape in its recorded form, read back by the factory
 * of its preset (and so checked).
 */
final class TrainingJson {

	static final Gson GSON = Records.builder().registerTypeAdapter(Architecture.class,
		(JsonSerializer<Architecture>) (c, t, x) -> c.toJson()).registerTypeAdapter(Architecture.class,
			(JsonDeserializer<Architecture>) (j, t, x) -> {
				try {
					return Networks.fromJson(j.getAsJsonObject());
				}
				catch (final IllegalArgumentException | IllegalStateException | NullPointerException e) {
					throw new JsonParseException("not a network this build knows: " + e.getMessage(), e);
				}
			}).create();

	private TrainingJson() {}
}
