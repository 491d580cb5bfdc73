package org.pssr.train.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks an rdf.yaml (parsed) against the copy of model spec 0.5's required fields in {@code
 * model-spec-0.5-required.txt}: every missing field is reported by its path.
 */
public final class RdfSpec {

	private RdfSpec() {}

	public static List<String> missing(final Map<String, Object> rdf) throws IOException {
		final List<String> missing = new ArrayList<>();
		try (BufferedReader r = new BufferedReader(new InputStreamReader(RdfSpec.class
			.getResourceAsStream("model-spec-0.5-required.txt"), StandardCharsets.UTF_8)))
		{
			for (String line; (line = r.readLine()) != null;) {
				line = line.trim();
				if (line.isEmpty() || line.startsWith("#")) continue;
				String condition = null;
				final int bracket = line.indexOf('[');
				if (bracket > 0) {
					condition = line.substring(bracket + 1, line.indexOf(']'));
					line = line.substring(0, bracket).trim();
				}
				check(rdf, line.split("\\."), 0, "", condition, missing);
			}
		}
		return missing;
	}

	@SuppressWarnings("unchecked")
	private static void check(final Object node, final String[] path, final int i, final String at,
		final String condition, final List<String> missing)
	{
		if (i == path.length) return;
		final String key = path[i];
		if ("*".equals(key)) {
			if (!(node instanceof List)) {
				missing.add(at + " (not a list)");
				return;
			}
			final List<Object> list = (List<Object>) node;
			for (int k = 0; k < list.size(); k++) {
				final Object e = list.get(k);
				if (i == path.length - 2 && condition != null && !matches(e, condition)) continue;
				check(e, path, i + 1, at + "[" + k + "]", condition, missing);
			}
			return;
		}
		if (!(node instanceof Map)) {
			missing.add(at + "." + key + " (parent is not a mapping)");
			return;
		}
		final Map<String, Object> map = (Map<String, Object>) node;
		Object next = null;
		for (final String alternative : key.split("\\|")) {
			if (map.get(alternative) != null) next = map.get(alternative);
		}
		final String here = at.isEmpty() ? key : at + "." + key;
		if (next == null || next instanceof String && ((String) next).isEmpty()) {
			missing.add(here);
			return;
		}
		check(next, path, i + 1, here, condition, missing);
	}

	@SuppressWarnings("unchecked")
	private static boolean matches(final Object element, final String condition) {
		final String[] kv = condition.split("=");
		return element instanceof Map && kv[1].equals(String.valueOf(((Map<String, Object>) element).get(
			kv[0])));
	}
}
