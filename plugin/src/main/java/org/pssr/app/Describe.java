package org.pssr.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
		final String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
		final List<String> out = new ArrayList<>();
		if (Files.isDirectory(path) && Files.isRegularFile(path.resolve("manifest.json"))) {
			out.add("twin dataset " + path);
			flatten("", JsonParser.parseString(Files.readString(path.resolve("manifest.json"),
				StandardCharsets.UTF_8)), out);
		}
		else if (name.endsWith(ModelBundle.SUFFIX)) {
			out.add("model bundle " + Provenance.describe(path));
			flatten("", JsonParser.parseString(new String(Archives.read(path).getOrDefault(
				"model.json", new byte[0]), StandardCharsets.UTF_8)), out);
		}
		else if (name.endsWith(".zip")) {
			final byte[] rdf = Archives.read(path).get("rdf.yaml");
			if (rdf == null) throw new IllegalArgumentException(path + " is neither a model bundle nor a " +
				"bioimage.io package");
			final Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(rdf,
				StandardCharsets.UTF_8));
			out.add("bioimage.io package " + Provenance.describe(path));
			final Map<?, ?> fields = yaml instanceof Map ? (Map<?, ?>) yaml : Map.of();
			if (fields.get("id") != null) out.add("id: " + fields.get("id"));
			final Object config = fields.get("config");
			final Object pssr = config instanceof Map ? ((Map<?, ?>) config).get("pssr") : null;
			if (pssr == null) out.add("(made elsewhere: no config.pssr)");
			else {
				flatten("", new com.google.gson.Gson().toJsonTree(pssr), out);
				// Layout 1 (see BioImageIoPackage) recorded neither its layout nor its clients.
				if (!((Map<?, ?>) pssr).containsKey("layout")) out.add("tested_with: pssr-fiji's " +
					"TensorFlow reload at export (export_check); layout 1, which JDLL 0.6.3 (deepImageJ) " +
					"cannot read: export the model again for deepImageJ");
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
