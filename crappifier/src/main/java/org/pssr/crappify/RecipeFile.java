package org.pssr.crappify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import org.pssr.crappify.io.StagedOutput;

/**
 * A recipe kept in a file ({@code --recipe FILE.json}): its name and parameters, without the scale,
 * which stays the user's choice per dataset; {@code pssr calibrate} writes one for the user's own
 * microscope and adds what it measured and how ({@code measured}, {@code provenance}).
 */
public final class RecipeFile {

	public final String name;
	public final Map<String, Double> parameters;

	private RecipeFile(final String name, final Map<String, Double> parameters) {
		this.name = name;
		this.parameters = parameters;
	}

	/** @throws IllegalArgumentException naming the file, when it is missing or not a recipe */
	public static RecipeFile read(final Path file) {
		final JsonObject o;
		try {
			o = JsonParser.parseString(new String(Files.readAllBytes(file), StandardCharsets.UTF_8))
				.getAsJsonObject();
		}
		catch (final NoSuchFileException e) {
			throw new IllegalArgumentException("recipe file " + file + " does not exist");
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (final JsonParseException | IllegalStateException e) {
			throw new IllegalArgumentException(file + " is not a recipe file (JSON {name, parameters})");
		}
		if (!o.has("name") || !o.get("name").isJsonPrimitive() || !o.has("parameters") || !o.get(
			"parameters").isJsonObject()) throw new IllegalArgumentException(file +
				" is not a recipe file: it needs a name and parameters");
		final Map<String, Double> p = new LinkedHashMap<>();
		for (final Map.Entry<String, JsonElement> e : o.getAsJsonObject("parameters").entrySet()) {
			if (e.getKey().equals("scale")) continue; // the dataset's choice, not the recipe's
			try {
				p.put(e.getKey(), e.getValue().getAsDouble());
			}
			catch (final RuntimeException x) {
				throw new IllegalArgumentException(file + ": recipe parameter " + e.getKey() +
					" is not a number");
			}
		}
		final String name = o.get("name").getAsString();
		if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) throw new IllegalArgumentException(
			file + " names another recipe file; it must name a recipe");
		return new RecipeFile(name, p);
	}

	/** Writes the recipe {@code name} with {@code parameters} and {@code extra} members beside them. */
	public static void write(final Path file, final String name, final Map<String, Double> parameters,
		final Map<String, JsonElement> extra) throws IOException
	{
		final JsonObject o = new JsonObject();
		o.addProperty("name", name);
		final JsonObject p = new JsonObject();
		parameters.forEach(p::addProperty);
		o.add("parameters", p);
		extra.forEach(o::add);
		try (StagedOutput out = StagedOutput.file(file)) {
			Files.write(out.path(), Records.gson().toJson(o).getBytes(StandardCharsets.UTF_8));
			out.commit();
		}
	}
}
