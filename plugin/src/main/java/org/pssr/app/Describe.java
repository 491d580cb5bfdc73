package org.pssr.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import org.pssr.crappify.Provenance;
import org.pssr.crappify.io.Archives;
import org.pssr.train.ModelBundle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What pssr recorded about how an output was made ({@code pssr info}): the provenance of a
 * super-resolved TIFF, and every field of a model bundle's {@code model.json}, a twin dataset's
 * manifest or a bioimage.io package's {@code config.pssr}, as "key: value" lines.
 */
public final class Describe {

	private Describe() {}

	/**
	 * @param tiffInfo reads the Info property of a TIFF (ImageJ's), empty when it has none
	 * @throws IllegalArgumentException for a file that is none of these
	 */
	public static List<String> lines(final Path path,
		final Function<Path, Optional<String>> tiffInfo) throws IOException
	{
		try {
			return describe(path, tiffInfo);
		}
		catch (final FileSystemException e) {
			throw e;
		}
		catch (final IllegalArgumentException e) {
			if (String.valueOf(e.getMessage()).contains(String.valueOf(path.getFileName()))) throw e;
			throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
		}
		catch (final IOException | RuntimeException e) {
			// a damaged file is bad input (exit 2), said with its name, not a fault of pssr's
			throw new IllegalArgumentException(path + " cannot be described: it is damaged or not what " +
				"its name says (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) +
				")", e);
		}
	}

	private static List<String> describe(final Path path,
		final Function<Path, Optional<String>> tiffInfo) throws IOException
	{
		final Path file = path.toAbsolutePath().normalize();
		final String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(
			Locale.ROOT);
		if (Files.isDirectory(path) && !Files.isRegularFile(path.resolve("manifest.json"))) throw new IllegalArgumentException(path + " is a folder but not a twin " +
				"dataset (it has no manifest.json); give a file, or a dataset folder");
		final List<String> out = new ArrayList<>();
		if (Files.isDirectory(path) && Files.isRegularFile(path.resolve("manifest.json"))) {
			out.add("twin dataset " + path);
			final Path manifest = path.resolve("manifest.json");
			try {
				flatten("", JsonParser.parseString(Files.readString(manifest, StandardCharsets.UTF_8)), out);
			}
			catch (final JsonParseException e) {
				throw new IllegalArgumentException(manifest + " is not valid JSON: " + e.getMessage(), e);
			}
		}
		else if (name.endsWith(ModelBundle.SUFFIX)) {
			// checked as a model is checked when it is loaded: a damaged bundle is refused, named
			ModelBundle.record(path);
			out.add("model bundle " + Provenance.describe(path));
			flatten("", JsonParser.parseString(new String(Archives.read(path).getOrDefault(
				"model.json", new byte[0]), StandardCharsets.UTF_8)), out);
		}
		else if (name.endsWith(".zip")) {
			final Map<?, ?> fields = rdf(path);
			out.add("bioimage.io package " + Provenance.describe(path));
			if (fields.get("id") != null) out.add("id: " + fields.get("id"));
			final Optional<Object> pssr = pssrConfig(fields);
			if (pssr.isEmpty()) out.add("(made elsewhere: no config.pssr)");
			else {
				flatten("", new com.google.gson.Gson().toJsonTree(pssr.get()), out);
				// Layout 1 (see BioImageIoPackage) recorded neither its layout nor its clients.
				if (pssr.get() instanceof Map && !((Map<?, ?>) pssr.get()).containsKey("layout")) out.add(
					"tested_with: pssr-fiji's TensorFlow reload at export (export_check); layout 1, which " +
						"JDLL 0.6.3 (deepImageJ) cannot read: export the model again for deepImageJ");
			}
		}
		else if (name.endsWith(".tif") || name.endsWith(".tiff")) {
			final Optional<Provenance> p = tiffInfo.apply(path).flatMap(Provenance::parse);
			if (p.isEmpty()) out.add(path.getFileName() + ": no pssr provenance recorded");
			else p.get().entries().forEach((k, v) -> out.add(k + ": " + v));
		}
		else throw new IllegalArgumentException(path + " is not an output pssr describes (a .tif, a " +
			".pssr.zip, a bioimage.io .zip or a twin dataset folder; CZI files are described too)");
		return out;
	}

	/**
	 * The {@code config.pssr} section of a bioimage.io package's {@code rdf.yaml}: what pssr records
	 * in the packages it exports; empty for a package made elsewhere.
	 *
	 * @throws IllegalArgumentException for a zip without {@code rdf.yaml}
	 */
	static Optional<Object> pssrConfig(final Path zip) throws IOException {
		return pssrConfig(rdf(zip));
	}

	private static Optional<Object> pssrConfig(final Map<?, ?> rdf) {
		final Object config = rdf.get("config");
		return Optional.ofNullable(config instanceof Map ? ((Map<?, ?>) config).get("pssr") : null);
	}

	/** The fields of a package's rdf.yaml. */
	private static Map<?, ?> rdf(final Path zip) throws IOException {
		final byte[] rdf = Archives.read(zip).get("rdf.yaml");
		if (rdf == null) throw new IllegalArgumentException(zip + " is neither a model bundle nor a " +
			"bioimage.io package");
		final Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(rdf,
			StandardCharsets.UTF_8));
		return yaml instanceof Map ? (Map<?, ?>) yaml : Map.of();
	}

	/**
	 * The provenance a recipe file of {@code pssr calibrate} records; empty for a recipe file
	 * written by hand.
	 */
	static Optional<JsonObject> recipeProvenance(final Path file) throws IOException {
		final JsonElement json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
		if (!json.isJsonObject() || !json.getAsJsonObject().has("provenance") || !json.getAsJsonObject()
			.get("provenance").isJsonObject()) return Optional.empty();
		final JsonObject p = json.getAsJsonObject().getAsJsonObject("provenance");
		return p.has("command") ? Optional.of(p) : Optional.empty();
	}

	private static void flatten(final String prefix, final JsonElement e, final List<String> out) {
		if (e.isJsonObject()) {
			for (final Map.Entry<String, JsonElement> m : ((JsonObject) e).entrySet())
				flatten(prefix.isEmpty() ? m.getKey() : prefix + "." + m.getKey(), m.getValue(), out);
		}
		else if (e.isJsonArray() && e.getAsJsonArray().size() > 0 && e.getAsJsonArray().get(0)
			.isJsonObject())
		{
			for (int i = 0; i < e.getAsJsonArray().size(); i++)
				flatten(prefix + "[" + i + "]", e.getAsJsonArray().get(i), out);
		}
		else out.add(prefix + ": " + (e.isJsonPrimitive() ? e.getAsString() : e.toString()));
	}
}
