package org.pssr.fiji.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The dialogs as the Fiji guide ({@code docs/fiji.md}) documents them: under each command's
 * heading ({@code ## Train Model}), a table of its fields in dialog order, with the default each
 * shows and its description (the field's tooltip); under a heading of the second dialog's title
 * ({@code ### Train Model (advanced)}), the fields behind its Advanced... button. Empty fields are written {@code (empty)}, check
 * boxes {@code on} or {@code off}, the user's name {@code (your user name)}.
 */
public final class GuideTables {

	private static final String USER = "(your user name)";

	private GuideTables() {}

	/** One field: its label, what it shows, its description. */
	public static final class Row {

		final String label;
		final String value;
		final String description;

		public Row(final String label, final String value, final String description) {
			this.label = label;
			this.value = value;
			this.description = description;
		}

		@Override
		public boolean equals(final Object o) {
			if (!(o instanceof Row)) return false;
			final Row r = (Row) o;
			return label.equals(r.label) && value.equals(r.value) && Objects.equals(description,
				r.description);
		}

		@Override
		public int hashCode() {
			return Objects.hash(label, value, description);
		}
	}

	/** Dialog title -> its table, for every {@code ## } or {@code ### } heading followed by a table. */
	public static Map<String, List<Row>> read(final Path guide) throws IOException {
		final Map<String, List<Row>> tables = new LinkedHashMap<>();
		String section = null;
		List<Row> rows = null;
		for (final String line : Files.readAllLines(guide, StandardCharsets.UTF_8)) {
			if (line.startsWith("## ") || line.startsWith("### ")) {
				section = line.substring(line.indexOf(' ')).trim();
				rows = null;
			}
			else if (section != null && line.startsWith("|")) {
				final String[] cells = line.split("\\|", -1);
				if (cells.length != 5) throw new IOException(guide + ": not a 3-column row: " + line);
				if (rows == null) {
					rows = new ArrayList<>();
					tables.put(section, rows);
					continue; // the header
				}
				if (cells[1].trim().startsWith("---")) continue;
				rows.add(new Row(cells[1].trim(), fromCell(cells[2].trim()), cells[3].trim()));
			}
			else if (rows != null && !line.trim().isEmpty()) section = null; // one table a section
		}
		return tables;
	}

	private static String fromCell(final String cell) {
		switch (cell) {
			case "(empty)":
				return "";
			case "on":
				return "true";
			case "off":
				return "false";
			case USER:
				return System.getProperty("user.name");
			default:
				return cell;
		}
	}

	private static String toCell(final String value) {
		if (value.equals(System.getProperty("user.name"))) return USER;
		switch (value) {
			case "":
				return "(empty)";
			case "true":
				return "on";
			case "false":
				return "off";
			default:
				return value;
		}
	}

	/** The rows as the guide writes them, to paste there when a dialog changed on purpose. */
	public static String table(final List<Row> rows) {
		final StringBuilder s = new StringBuilder("| field | default | what it does |\n|---|---|---|\n");
		for (final Row r : rows)
			s.append("| ").append(r.label).append(" | ").append(toCell(r.value)).append(" | ").append(
				r.description).append(" |\n");
		return s.toString();
	}

	/** The anchor GitHub gives the heading {@code ## title}. */
	public static String anchor(final String title) {
		return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
	}
}
