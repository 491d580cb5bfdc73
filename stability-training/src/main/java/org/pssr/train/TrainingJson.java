package org.pssr.train;

import com.google.gson.Gson;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonParseException;
import com.google.gson.JsonSerializer;

import org.pssr.crappify.Records;

/** The records' Gson set-up, with the network's shape in its recorded form (checked on reading). */
final class TrainingJson {

	static final Gson GSON = Records.builder().registerTypeAdapter(UNetConfig.class,
		(JsonSerializer<UNetConfig>) (c, t, x) -> c.toJson()).registerTypeAdapter(UNetConfig.class,
			(JsonDeserializer<UNetConfig>) (j, t, x) -> {
				try {
					return UNetConfig.fromJson(j.getAsJsonObject());
				}
				catch (final IllegalArgumentException | IllegalStateException | NullPointerException e) {
					throw new JsonParseException("not a network this build knows: " + e.getMessage(), e);
				}
			}).create();

	private TrainingJson() {}
}
