package org.pssr.crappify;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonParseException;
import com.google.gson.JsonSerializer;

/**
 * The one Gson set-up for pssr's JSON records (dataset manifests, model bundles, checkpoints):
 * recipes and normalisations in their recorded form, NaN and infinities allowed (a run that has not
 * yet validated has a best PSNR of minus infinity), stable pretty output.
 */
public final class Records {

	private Records() {}

	/** For layers above that register their own types before {@code create()}. */
	public static GsonBuilder builder() {
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
			.serializeSpecialFloatingPointValues().registerTypeHierarchyAdapter(Degradation.class,
				(JsonSerializer<Degradation>) (r, t, c) -> Degradations.toJson(r)).registerTypeHierarchyAdapter(
					Degradation.class, (JsonDeserializer<Degradation>) (j, t, c) -> {
						try {
							return Degradations.fromJson(j.getAsJsonObject());
						}
						catch (final IllegalArgumentException | IllegalStateException e) {
							throw new JsonParseException(e.getMessage(), e);
						}
					}).registerTypeAdapter(Normalisation.class,
						(JsonSerializer<Normalisation>) (n, t, c) -> n.toJson()).registerTypeAdapter(
							Normalisation.class, (JsonDeserializer<Normalisation>) (j, t, c) -> {
								try {
									return Normalisation.fromJson(j.getAsJsonObject());
								}
								catch (final IllegalArgumentException | IllegalStateException e) {
									throw new JsonParseException(e.getMessage(), e);
								}
							});
	}

	public static Gson gson() {
		return builder().create();
	}
}
